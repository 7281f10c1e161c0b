import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAnnouncement } from '@federess/events';

/**
 * The outbox of rencontre events (live feed), with its NOTIFY trigger and retention mark, as it was
 * first written (rencontres only); EvenementsPartages1733000000000 turns it into the outbox every
 * subgraph shares.
 */
export class Evenements1732600000000 implements MigrationInterface {
  name = 'Evenements1732600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE evenement (
        id bigserial PRIMARY KEY,
        type text NOT NULL,
        rencontre_id uuid NOT NULL,
        region text,
        club_id uuid,
        thematiques text[] NOT NULL DEFAULT '{}',
        rencontre_type text,
        revision integer NOT NULL,
        survenu_a timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX evenement_survenu_a ON evenement (survenu_a)');
    await queryRunner.query(`
      CREATE TABLE evenement_retention (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        purge_jusqua bigint NOT NULL DEFAULT 0
      )`);
    await queryRunner.query('INSERT INTO evenement_retention DEFAULT VALUES');
    await createAnnouncement(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE evenement');
    await queryRunner.query('DROP TABLE evenement_retention');
    await queryRunner.query('DROP FUNCTION evenement_annoncer()');
  }
}
