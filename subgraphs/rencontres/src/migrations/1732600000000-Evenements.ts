import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createOutbox, dropOutbox } from '@federess/events';

/** The outbox of rencontre events (live feed), with its NOTIFY trigger and retention mark. */
export class Evenements1732600000000 implements MigrationInterface {
  name = 'Evenements1732600000000';

  up(queryRunner: QueryRunner): Promise<void> {
    return createOutbox(queryRunner);
  }

  down(queryRunner: QueryRunner): Promise<void> {
    return dropOutbox(queryRunner);
  }
}
