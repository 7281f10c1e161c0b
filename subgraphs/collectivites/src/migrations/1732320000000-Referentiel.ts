import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Régions, départements, collectivités, and the accent-, case- and hyphen-insensitive name index. */
export class Referentiel1732320000000 implements MigrationInterface {
  name = 'Referentiel1732320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    // unaccent() is only STABLE (its dictionary could change), so it cannot back an index directly;
    // this wrapper names the dictionary explicitly and is declared IMMUTABLE, the usual remedy.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION normalise_nom(value text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
      $$ SELECT trim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, value)), '[^a-z0-9]+', ' ', 'g')) $$`);
    await queryRunner.query(`
      CREATE TABLE region (
        code text PRIMARY KEY,
        code_insee text NOT NULL UNIQUE,
        nom text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE departement (
        code text PRIMARY KEY,
        nom text NOT NULL,
        region_code text NOT NULL REFERENCES region (code)
      )`);
    await queryRunner.query(`
      CREATE TABLE collectivite (
        id text PRIMARY KEY,
        code text NOT NULL,
        siren text,
        nom text NOT NULL,
        nom_normalise text GENERATED ALWAYS AS (normalise_nom(nom)) STORED,
        type text NOT NULL CHECK (type IN ('COMMUNE', 'EPCI', 'DEPARTEMENT', 'REGION', 'PETR')),
        nature text CHECK (nature IN ('CC', 'CA', 'CU', 'METRO')),
        population integer,
        region_code text REFERENCES region (code),
        departement_code text REFERENCES departement (code),
        epci_id text,
        adherente boolean NOT NULL DEFAULT false
      )`);
    await queryRunner.query('CREATE INDEX collectivite_nom_trgm ON collectivite USING gin (nom_normalise gin_trgm_ops)');
    await queryRunner.query('CREATE INDEX collectivite_region ON collectivite (region_code, type)');
    await queryRunner.query('CREATE INDEX collectivite_epci ON collectivite (epci_id)');
    await queryRunner.query('CREATE INDEX collectivite_adherente ON collectivite (id) WHERE adherente');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE collectivite');
    await queryRunner.query('DROP TABLE departement');
    await queryRunner.query('DROP TABLE region');
    await queryRunner.query('DROP FUNCTION normalise_nom(text)');
  }
}
