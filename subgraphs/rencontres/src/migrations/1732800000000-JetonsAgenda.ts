import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The feed tokens of private calendar feeds: only their SHA-256 digest is stored, with the rights of
 * the person who made them (role, régions, collectivité, as their token said then).
 */
export class JetonsAgenda1732800000000 implements MigrationInterface {
  name = 'JetonsAgenda1732800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE jeton_agenda (
        id uuid PRIMARY KEY,
        empreinte text NOT NULL UNIQUE,
        sujet text NOT NULL,
        role text NOT NULL,
        regions text[] NOT NULL DEFAULT '{}',
        collectivite text,
        libelle text,
        cree_le timestamptz NOT NULL DEFAULT now(),
        revoque_le timestamptz
      )`);
    await queryRunner.query('CREATE INDEX jeton_agenda_sujet ON jeton_agenda (sujet)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE jeton_agenda');
  }
}
