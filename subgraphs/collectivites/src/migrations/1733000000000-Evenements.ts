import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createOutbox, dropOutbox } from '@federess/events';

/** The outbox every subgraph has: each change of a collectivité (its RTES membership) is written there in its own transaction. */
export class Evenements1733000000000 implements MigrationInterface {
  name = 'Evenements1733000000000';

  up(queryRunner: QueryRunner): Promise<void> {
    return createOutbox(queryRunner);
  }

  down(queryRunner: QueryRunner): Promise<void> {
    return dropOutbox(queryRunner);
  }
}
