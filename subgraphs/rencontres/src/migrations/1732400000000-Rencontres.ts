import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Rencontres, their sessions and intervenants, and the inscriptions. */
export class Rencontres1732400000000 implements MigrationInterface {
  name = 'Rencontres1732400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // unaccent serves the accent-insensitive `recherche` filter.
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    await queryRunner.query(`
      CREATE TABLE rencontre (
        id uuid PRIMARY KEY,
        titre text NOT NULL CHECK (length(titre) BETWEEN 1 AND 300),
        resume text,
        description text,
        type text NOT NULL
          CHECK (type IN ('RENCONTRE_CLUB', 'WEBINAIRE', 'JOURNEE_REGIONALE', 'CYCLE_FORMATION', 'VOYAGE_APPRENANT', 'CONFERENCE')),
        thematiques text[] NOT NULL DEFAULT '{}',
        format text NOT NULL CHECK (format IN ('PRESENTIEL', 'DISTANCIEL', 'HYBRIDE')),
        debut timestamptz NOT NULL,
        fin timestamptz NOT NULL,
        fuseau_horaire text NOT NULL DEFAULT 'Europe/Paris',
        public text[] NOT NULL DEFAULT '{}',
        organisateurs text[] NOT NULL DEFAULT '{}',
        partenaires text[] NOT NULL DEFAULT '{}',
        -- PASSEE is derived at read time, never stored.
        statut text NOT NULL DEFAULT 'PROGRAMMEE'
          CHECK (statut IN ('PROGRAMMEE', 'REPORTEE', 'DEPLACEE_EN_LIGNE', 'COMPLETE', 'ANNULEE')),
        debut_precedent timestamptz,
        motif_annulation text,
        capacite integer CHECK (capacite IS NULL OR capacite >= 1),
        date_limite_inscription timestamptz,
        nombre_participants integer CHECK (nombre_participants IS NULL OR nombre_participants >= 0),
        revision integer NOT NULL DEFAULT 1,
        region_code text,
        club_id uuid,
        cree_le timestamptz NOT NULL DEFAULT now(),
        modifie_le timestamptz NOT NULL DEFAULT now(),
        CHECK (fin > debut)
      )`);
    await queryRunner.query('CREATE INDEX rencontre_debut ON rencontre (debut, id)');
    await queryRunner.query('CREATE INDEX rencontre_region_debut ON rencontre (region_code, debut)');
    await queryRunner.query('CREATE INDEX rencontre_club_debut ON rencontre (club_id, debut, id)');
    await queryRunner.query('CREATE INDEX rencontre_thematiques ON rencontre USING gin (thematiques)');

    await queryRunner.query(`
      CREATE TABLE session_rencontre (
        id uuid PRIMARY KEY,
        rencontre_id uuid NOT NULL REFERENCES rencontre (id) ON DELETE CASCADE,
        ordre integer NOT NULL CHECK (ordre >= 1),
        debut timestamptz NOT NULL,
        fin timestamptz NOT NULL,
        lieu_nom text,
        lieu_adresse text,
        lieu_commune_id text,
        lien_en_ligne text,
        CHECK (fin > debut),
        UNIQUE (rencontre_id, ordre)
      )`);

    await queryRunner.query(`
      CREATE TABLE intervenant (
        id uuid PRIMARY KEY,
        rencontre_id uuid NOT NULL REFERENCES rencontre (id) ON DELETE CASCADE,
        ordre integer NOT NULL,
        nom text NOT NULL,
        role text,
        organisation text,
        collectivite_id text
      )`);
    await queryRunner.query('CREATE INDEX intervenant_rencontre ON intervenant (rencontre_id, ordre)');

    await queryRunner.query(`
      CREATE TABLE inscription (
        id uuid PRIMARY KEY,
        rencontre_id uuid NOT NULL REFERENCES rencontre (id) ON DELETE CASCADE,
        prenom text NOT NULL,
        nom text NOT NULL,
        email text NOT NULL,
        qualite text NOT NULL CHECK (qualite IN ('ELU', 'AGENT', 'ACTEUR_ESS', 'AUTRE')),
        fonction text,
        collectivite_id text,
        statut text NOT NULL DEFAULT 'CONFIRMEE' CHECK (statut IN ('CONFIRMEE', 'ANNULEE')),
        cree_le timestamptz NOT NULL DEFAULT now(),
        annulee_le timestamptz
      )`);
    // One confirmed registration per e-mail and rencontre: the backstop of the CONFLICT check.
    await queryRunner.query(
      "CREATE UNIQUE INDEX inscription_email_confirmee ON inscription (rencontre_id, lower(email)) WHERE statut = 'CONFIRMEE'",
    );
    await queryRunner.query('CREATE INDEX inscription_rencontre ON inscription (rencontre_id, cree_le)');
    await queryRunner.query(
      "CREATE INDEX inscription_collectivite ON inscription (collectivite_id, rencontre_id) WHERE statut = 'CONFIRMEE'",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE inscription');
    await queryRunner.query('DROP TABLE intervenant');
    await queryRunner.query('DROP TABLE session_rencontre');
    await queryRunner.query('DROP TABLE rencontre');
  }
}
