import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When a publication last changed: what its feeds' and pages' ETag and Last-Modified are derived from. */
export class MisAJourLe1732900000000 implements MigrationInterface {
  name = 'MisAJourLe1732900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE publication ADD COLUMN mis_a_jour_le timestamptz NOT NULL DEFAULT now()');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE publication DROP COLUMN mis_a_jour_le');
  }
}
