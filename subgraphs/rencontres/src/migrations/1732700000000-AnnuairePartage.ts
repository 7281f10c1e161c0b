import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Whether a rencontre shares its participant directory with its registered participants (off by default). */
export class AnnuairePartage1732700000000 implements MigrationInterface {
  name = 'AnnuairePartage1732700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE rencontre ADD COLUMN annuaire_partage boolean NOT NULL DEFAULT false');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE rencontre DROP COLUMN annuaire_partage');
  }
}
