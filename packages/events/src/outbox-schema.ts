import type { QueryRunner } from 'typeorm';
import { OUTBOX_CHANNEL } from './outbox-event';

/**
 * Creates the outbox, for the migration of the subgraph that owns it. A trigger announces each
 * inserted event with pg_notify, which Postgres delivers only when (and if) the transaction commits:
 * a rolled-back change announces nothing.
 */
export async function createOutbox(queryRunner: QueryRunner): Promise<void> {
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
  // The highest id removed by the retention purge: an `apres` below it would silently skip events.
  await queryRunner.query(`
    CREATE TABLE evenement_retention (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      purge_jusqua bigint NOT NULL DEFAULT 0
    )`);
  await queryRunner.query('INSERT INTO evenement_retention DEFAULT VALUES');
  await queryRunner.query(`
    CREATE FUNCTION evenement_annoncer() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('${OUTBOX_CHANNEL}', NEW.id::text);
      RETURN NEW;
    END $$`);
  await queryRunner.query('CREATE TRIGGER evenement_annonce AFTER INSERT ON evenement FOR EACH ROW EXECUTE FUNCTION evenement_annoncer()');
}

export async function dropOutbox(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query('DROP TABLE evenement');
  await queryRunner.query('DROP TABLE evenement_retention');
  await queryRunner.query('DROP FUNCTION evenement_annoncer()');
}
