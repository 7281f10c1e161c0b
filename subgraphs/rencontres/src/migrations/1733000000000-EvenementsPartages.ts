import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rencontres outbox becomes the one every subgraph has (see createOutbox in @federess/events):
 * the changed entity named generically, the entities and root fields the change may alter (for the
 * gateway's cache), and what only the live feed reads (club, thématiques, type) in `donnees`. Ids,
 * the retention mark and the trigger stay: a client's `apres` resumes across the change.
 */
export class EvenementsPartages1733000000000 implements MigrationInterface {
  name = 'EvenementsPartages1733000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE evenement RENAME COLUMN rencontre_id TO entite_id');
    await queryRunner.query('ALTER TABLE evenement ALTER COLUMN entite_id TYPE text, ALTER COLUMN entite_id DROP NOT NULL');
    await queryRunner.query('ALTER TABLE evenement ALTER COLUMN revision DROP NOT NULL');
    await queryRunner.query(`
      ALTER TABLE evenement
        ADD COLUMN entite text,
        ADD COLUMN entites text[] NOT NULL DEFAULT '{}',
        ADD COLUMN listes text[] NOT NULL DEFAULT '{}',
        ADD COLUMN donnees jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`
      UPDATE evenement SET
        entite = 'Rencontre',
        entites = ARRAY['Rencontre:' || entite_id] || CASE WHEN club_id IS NULL THEN '{}'::text[] ELSE ARRAY['Club:' || club_id] END,
        listes = ARRAY['Query.rencontres'],
        donnees = jsonb_build_object('clubId', club_id, 'thematiques', to_jsonb(thematiques), 'rencontreType', rencontre_type)`);
    await queryRunner.query('ALTER TABLE evenement DROP COLUMN club_id, DROP COLUMN thematiques, DROP COLUMN rencontre_type');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DELETE FROM evenement WHERE entite IS DISTINCT FROM 'Rencontre'");
    await queryRunner.query(`
      ALTER TABLE evenement
        ADD COLUMN club_id uuid,
        ADD COLUMN thematiques text[] NOT NULL DEFAULT '{}',
        ADD COLUMN rencontre_type text`);
    await queryRunner.query(`
      UPDATE evenement SET
        club_id = (donnees->>'clubId')::uuid,
        thematiques = ARRAY(SELECT jsonb_array_elements_text(donnees->'thematiques')),
        rencontre_type = donnees->>'rencontreType'`);
    await queryRunner.query('ALTER TABLE evenement DROP COLUMN entite, DROP COLUMN entites, DROP COLUMN listes, DROP COLUMN donnees');
    await queryRunner.query('ALTER TABLE evenement ALTER COLUMN revision SET NOT NULL');
    await queryRunner.query(
      'ALTER TABLE evenement ALTER COLUMN entite_id TYPE uuid USING entite_id::uuid, ALTER COLUMN entite_id SET NOT NULL',
    );
    await queryRunner.query('ALTER TABLE evenement RENAME COLUMN entite_id TO rencontre_id');
  }
}
