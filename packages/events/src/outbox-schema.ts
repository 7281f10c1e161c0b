import type { QueryRunner } from 'typeorm';
import { OUTBOX_CHANNEL } from './outbox-event';

/**
 * Creates a subgraph's outbox, for its migration: every subgraph has the same one. A trigger announces
 * each inserted event with pg_notify, which Postgres delivers only when (and if) the transaction
 * commits: a rolled-back change announces nothing.
 */
export async function createOutbox(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE evenement (
      id bigserial PRIMARY KEY,
      type text NOT NULL,
      entite text,
      entite_id text,
      region text,
      revision integer,
      survenu_a timestamptz NOT NULL DEFAULT now(),
      entites text[] NOT NULL DEFAULT '{}',
      listes text[] NOT NULL DEFAULT '{}',
      donnees jsonb NOT NULL DEFAULT '{}'
    )`);
  await queryRunner.query('CREATE INDEX evenement_survenu_a ON evenement (survenu_a)');
  // The highest id removed by the retention purge: an `apres` below it would silently skip events.
  await queryRunner.query(`
    CREATE TABLE evenement_retention (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      purge_jusqua bigint NOT NULL DEFAULT 0
    )`);
  await queryRunner.query('INSERT INTO evenement_retention DEFAULT VALUES');
  await createAnnouncement(queryRunner);
}

/** The NOTIFY trigger of the outbox (part of createOutbox; alone for an outbox created before it). */
export async function createAnnouncement(queryRunner: QueryRunner): Promise<void> {
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
