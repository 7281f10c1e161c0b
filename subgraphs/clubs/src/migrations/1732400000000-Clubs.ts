import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations, clubs, and what ties them: animateurs and partenaires, contacts, member collectivités. */
export class Clubs1732400000000 implements MigrationInterface {
  name = 'Clubs1732400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY,
        nom text NOT NULL,
        sigle text,
        type text NOT NULL CHECK (type IN ('CRESS', 'RESEAU', 'CENTRE_FORMATION', 'COLLECTIVITE', 'AUTRE')),
        site_web text,
        region_code text
      )`);
    await queryRunner.query(`
      CREATE TABLE club (
        id uuid PRIMARY KEY,
        region_code text NOT NULL UNIQUE,
        nom text NOT NULL,
        description text,
        frequence text,
        modalites_participation text,
        chiffres_participation text,
        nombre_participants integer CHECK (nombre_participants >= 0),
        nombre_collectivites integer CHECK (nombre_collectivites >= 0),
        annee_chiffres integer,
        annee_lancement integer,
        site_web text,
        exemples_themes text[] NOT NULL DEFAULT '{}',
        thematiques text[] NOT NULL DEFAULT '{}',
        mis_a_jour_le timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE club_organisation (
        club_id uuid NOT NULL REFERENCES club (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        role text NOT NULL CHECK (role IN ('ANIMATEUR', 'PARTENAIRE')),
        position integer NOT NULL,
        PRIMARY KEY (club_id, organisation_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE contact (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        club_id uuid NOT NULL REFERENCES club (id) ON DELETE CASCADE,
        position integer NOT NULL,
        nom text NOT NULL,
        role text,
        email text,
        telephone text,
        organisation_id uuid REFERENCES organisation (id)
      )`);
    await queryRunner.query('CREATE INDEX contact_club ON contact (club_id, position)');
    // Member collectivités live in the collectivites subgraph: only their key is stored, with no foreign key.
    await queryRunner.query(`
      CREATE TABLE club_collectivite (
        club_id uuid NOT NULL REFERENCES club (id) ON DELETE CASCADE,
        collectivite_id text NOT NULL,
        PRIMARY KEY (club_id, collectivite_id)
      )`);
    await queryRunner.query('CREATE INDEX club_collectivite_collectivite ON club_collectivite (collectivite_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE club_collectivite');
    await queryRunner.query('DROP TABLE contact');
    await queryRunner.query('DROP TABLE club_organisation');
    await queryRunner.query('DROP TABLE club');
    await queryRunner.query('DROP TABLE organisation');
  }
}
