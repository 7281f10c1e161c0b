import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Publications and the collectivités they cite. */
export class Publications1732500000000 implements MigrationInterface {
  name = 'Publications1732500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // `recherche` compares titles and summaries without accents.
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    await queryRunner.query(`
      CREATE TABLE publication (
        id uuid PRIMARY KEY,
        titre text NOT NULL CHECK (length(titre) BETWEEN 1 AND 300),
        resume text,
        type text NOT NULL CHECK (type IN (
          'POINTS_DE_REPERESS', 'GUIDE_REPERESS', 'FICHE_KIT_REGIONALESS', 'FICHE_KIT_MUNICIPALESS',
          'RAPPORT_ACTIVITE', 'COMPTE_RENDU', 'REPLAY', 'DIAPORAMA', 'DENICHE_POUR_VOUS', 'ETUDE',
          'RESSOURCES', 'ANNUAIRE_PARTICIPANTS')),
        collection text,
        numero integer CHECK (numero > 0),
        date_publication date NOT NULL,
        editeur text NOT NULL,
        thematiques text[] NOT NULL DEFAULT '{}',
        acces text NOT NULL DEFAULT 'PUBLIC' CHECK (acces IN ('PUBLIC', 'ADHERENTS')),
        fichier text,
        lien text,
        region_code text,
        club_id uuid,
        rencontre_id uuid,
        CONSTRAINT publication_numero_dans_collection CHECK (numero IS NULL OR collection IS NOT NULL)
      )`);
    // A number names one issue of a collection: a second "Points de RepèrESS n°9" is a conflict.
    await queryRunner.query(
      'CREATE UNIQUE INDEX publication_collection_numero ON publication (collection, numero) WHERE numero IS NOT NULL',
    );
    await queryRunner.query('CREATE INDEX publication_date ON publication (date_publication DESC, id)');
    await queryRunner.query('CREATE INDEX publication_thematiques ON publication USING gin (thematiques)');
    await queryRunner.query('CREATE INDEX publication_region ON publication (region_code, date_publication DESC)');
    await queryRunner.query('CREATE INDEX publication_club ON publication (club_id, date_publication DESC) WHERE club_id IS NOT NULL');
    await queryRunner.query('CREATE INDEX publication_rencontre ON publication (rencontre_id) WHERE rencontre_id IS NOT NULL');
    // Cited collectivités live in the collectivites subgraph: only their key is stored, with no foreign key.
    await queryRunner.query(`
      CREATE TABLE publication_collectivite (
        publication_id uuid NOT NULL REFERENCES publication (id) ON DELETE CASCADE,
        collectivite_id text NOT NULL,
        rang integer NOT NULL,
        PRIMARY KEY (publication_id, collectivite_id)
      )`);
    await queryRunner.query('CREATE INDEX publication_collectivite_collectivite ON publication_collectivite (collectivite_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE publication_collectivite');
    await queryRunner.query('DROP TABLE publication');
  }
}
