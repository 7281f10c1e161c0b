import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createOutbox, dropOutbox } from '@federess/events';

/**
 * The outbox every subgraph has: each change of a publication is written there in its own
 * transaction, with the publication's revision after it (1 at creation, one more per modification),
 * which delta syncs and feed ETags read.
 */
export class Evenements1733000000000 implements MigrationInterface {
  name = 'Evenements1733000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE publication ADD COLUMN revision integer NOT NULL DEFAULT 1');
    await createOutbox(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropOutbox(queryRunner);
    await queryRunner.query('ALTER TABLE publication DROP COLUMN revision');
  }
}
