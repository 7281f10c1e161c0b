import { readSubgraphSettings } from '@federess/config';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import type { SubgraphServer } from '@federess/subgraph-kit';
import { clubIdOfRegion } from '@federess/vocabulaire';
import { createServer } from '../src/server';
import { codeOf, dataOf } from '@federess/server-kit/testing';
import { post } from './graph';
import { ADMIN } from '@federess/auth/testing';

const CREER = `mutation($input: CreerPublicationInput!) { creerPublication(input: $input) { id } }`;
const MODIFIER = `mutation($id: ID!, $input: ModifierPublicationInput!) { modifierPublication(id: $id, input: $input) { id } }`;
const RENCONTRE = '6f1c1c9e-8f3a-4a51-9d1b-3a3b0c2d4e5f';
const minimal = { titre: 'Une publication', type: 'ETUDE', datePublication: '2024-06-01', editeur: 'RTES' };

/**
 * Each change of a publication writes one event in its transaction, in id order, with the
 * publication's id, région and revision after it (what a delta sync and a feed's ETag read), naming
 * the club, région and rencontre that list it before and after the change.
 */
describe('subgraph publications: change events', () => {
  const databaseUrl = testDatabaseUrl('publications_evenements');
  let server: SubgraphServer;
  let url: string;

  const eventsAfter = async (id: string) =>
    server.dataSource.query<Record<string, unknown>[]>(
      'SELECT id::text, type, entite, entite_id, region, revision, entites, listes, donnees FROM evenement WHERE id > $1 ORDER BY id',
      [id],
    );
  const head = async () =>
    (await server.dataSource.query<{ id: string }[]>('SELECT coalesce(max(id), 0)::text AS id FROM evenement'))[0]?.id ?? '0';

  beforeAll(async () => {
    server = await createServer({ ...readSubgraphSettings('publications', {}), databaseUrl });
    url = await server.listen(0);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('a creation, then a move to another club and région: revision 1 then 2, both sides named', async () => {
    const before = await head();
    const ara = clubIdOfRegion('ARA');
    const bre = clubIdOfRegion('BRE');
    const created = await post(url, CREER, { input: { ...minimal, clubId: ara, rencontreId: RENCONTRE } }, ADMIN);
    expect(created.errors).toBeUndefined();
    const { id } = dataOf(created).creerPublication;
    const moved = await post(url, MODIFIER, { id, input: { clubId: bre, rencontreId: null } }, ADMIN);
    expect(moved.errors).toBeUndefined();
    const [creation, move, ...rest] = await eventsAfter(before);
    expect(rest).toEqual([]);
    expect(BigInt(String(move?.id))).toBeGreaterThan(BigInt(String(creation?.id)));
    expect(creation).toMatchObject({
      type: 'CREEE',
      entite: 'Publication',
      entite_id: id,
      region: 'ARA',
      revision: 1,
      entites: [`Publication:${id}`, `Club:${ara}`, 'Region:ARA', `Rencontre:${RENCONTRE}`],
      listes: ['Query.publications', 'Query.publication'],
      donnees: { clubId: ara, rencontreId: RENCONTRE },
    });
    expect(move).toMatchObject({
      type: 'MODIFIEE',
      entite_id: id,
      region: 'BRE',
      revision: 2,
      entites: [`Publication:${id}`, `Club:${ara}`, `Club:${bre}`, 'Region:ARA', 'Region:BRE', `Rencontre:${RENCONTRE}`],
      listes: ['Query.publications'],
      donnees: { clubId: bre, rencontreId: null, regionPrecedente: 'ARA' },
    });
  });

  it('a refused change (a number taken in its collection) writes no event', async () => {
    const first = await post(url, CREER, { input: { ...minimal, collection: 'Essais', numero: 1 } }, ADMIN);
    expect(first.errors).toBeUndefined();
    const before = await head();
    expect(codeOf(await post(url, CREER, { input: { ...minimal, collection: 'Essais', numero: 1 } }, ADMIN))).toBe('CONFLICT');
    expect(await eventsAfter(before)).toEqual([]);
  });
});
