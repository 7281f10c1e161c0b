import { randomUUID } from 'node:crypto';
import { openDataSource } from '@federess/database';
import { createOutbox } from '@federess/events';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { Rencontres1732400000000 } from '../src/migrations/1732400000000-Rencontres';
import { Evenements1732600000000 } from '../src/migrations/1732600000000-Evenements';
import { AnnuairePartage1732700000000 } from '../src/migrations/1732700000000-AnnuairePartage';
import { EvenementsPartages1733000000000 } from '../src/migrations/1733000000000-EvenementsPartages';

class Outbox1700000000000 implements MigrationInterface {
  name = 'Outbox1700000000000';
  up = (runner: QueryRunner) => createOutbox(runner);
  down(): Promise<void> {
    return Promise.resolve();
  }
}

const columns = (ds: DataSource) =>
  ds.query(
    `SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns
     WHERE table_name = 'evenement' ORDER BY column_name`,
  );

/**
 * The rencontres outbox predates the one every subgraph shares: its migration turns it into exactly
 * that one, keeping its events (and their ids, so a client's `apres` resumes across the upgrade).
 */
describe('subgraph rencontres: the outbox upgraded to the shared one', () => {
  it('has the columns createOutbox makes, and keeps the events written before', async () => {
    const url = testDatabaseUrl('rencontres_outbox_partage');
    const before = [Rencontres1732400000000, Evenements1732600000000, AnnuairePartage1732700000000];
    const old = await openDataSource({ url, entities: [], migrations: before, poolSize: 1 });
    const rencontre = randomUUID();
    const club = randomUUID();
    await old.query(
      `INSERT INTO evenement (id, type, rencontre_id, region, club_id, thematiques, rencontre_type, revision)
       VALUES (41, 'CREEE', $1, 'BRE', $2, '{SCIC,SPASER}', 'WEBINAIRE', 1)`,
      [rencontre, club],
    );
    await old.destroy();
    const upgraded = await openDataSource({ url, entities: [], migrations: [...before, EvenementsPartages1733000000000], poolSize: 1 });
    const fresh = await openDataSource({
      url: testDatabaseUrl('rencontres_outbox_neuf'),
      entities: [],
      migrations: [Outbox1700000000000],
      poolSize: 1,
    });
    try {
      expect(await columns(upgraded)).toEqual(await columns(fresh));
      expect(
        await upgraded.query('SELECT id::text, type, entite, entite_id, region, revision, entites, listes, donnees FROM evenement'),
      ).toEqual([
        {
          id: '41',
          type: 'CREEE',
          entite: 'Rencontre',
          entite_id: rencontre,
          region: 'BRE',
          revision: 1,
          entites: [`Rencontre:${rencontre}`, `Club:${club}`],
          listes: ['Query.rencontres'],
          donnees: { clubId: club, thematiques: ['SCIC', 'SPASER'], rencontreType: 'WEBINAIRE' },
        },
      ]);
    } finally {
      await upgraded.destroy();
      await fresh.destroy();
    }
  });
});
