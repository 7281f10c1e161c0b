import { GATEWAY_HEADER } from '@federess/auth';
import { DEVELOPMENT_GATEWAY_SECRET, readSubgraphSettings } from '@federess/config';
import { CACHE_EXTENSION, CACHE_TAGS_HEADER } from '@federess/server-kit';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import type { SubgraphServer } from '@federess/subgraph-kit';
import type { OwnerForTests } from '@federess/subgraph-kit/testing';
import { clubIdOfRegion, stableUuid } from '@federess/vocabulaire';
import { createServer } from '../src/server';
import { ADMIN, post } from '@federess/auth/testing';
import { demarrerCollectivites, reglages } from './proprietaires';

const BRE = clubIdOfRegion('BRE');
const MODIFIER = `mutation($id: ID!, $input: ModifierClubInput!) { modifierClub(id: $id, input: $input) { id } }`;
const CREER = `mutation($input: CreerClubInput!) { creerClub(input: $input) { id } }`;

/**
 * Each change of a club writes one event in the outbox every subgraph shares, in the change's own
 * transaction, naming what the change may alter: the club, its région, the collectivités that joined
 * or left it, the list of clubs (and, for a creation, the lookup by id).
 */
describe('subgraph clubs: change events', () => {
  const databaseUrl = testDatabaseUrl('clubs_evenements');
  let server: SubgraphServer;
  let url: string;
  // The member collectivités a change names are checked with their owner: a real collectivites subgraph.
  let collectivites: OwnerForTests;

  const eventsAfter = async (id: string) =>
    server.dataSource.query<Record<string, unknown>[]>(
      'SELECT type, entite, entite_id, region, revision, entites, listes FROM evenement WHERE id > $1 ORDER BY id',
      [id],
    );
  const head = async () =>
    (await server.dataSource.query<{ id: string }[]>('SELECT coalesce(max(id), 0)::text AS id FROM evenement'))[0]?.id ?? '0';

  beforeAll(async () => {
    collectivites = await demarrerCollectivites();
    server = await createServer({ ...reglages(collectivites), databaseUrl });
    url = await server.listen(0);
  });
  afterAll(async () => {
    await server?.stop();
    await collectivites?.stop();
  });

  it('announces its start as a change of anything it serves', async () => {
    expect(await server.dataSource.query("SELECT listes FROM evenement WHERE type = 'REDEMARRAGE'")).toEqual([{ listes: ['*'] }]);
  });

  it('a modification names the club, its région and only the collectivités that joined or left it', async () => {
    await post(url, MODIFIER, { id: BRE, input: { collectiviteIds: ['COMMUNE:35238', 'COMMUNE:29019'] } }, ADMIN);
    const before = await head();
    const { errors } = await post(
      url,
      MODIFIER,
      { id: BRE, input: { nom: 'Club BRE', collectiviteIds: ['COMMUNE:35238', 'COMMUNE:56121'] } },
      ADMIN,
    );
    expect(errors).toBeUndefined();
    expect(await eventsAfter(before)).toEqual([
      {
        type: 'MODIFIE',
        entite: 'Club',
        entite_id: BRE,
        region: 'BRE',
        revision: null,
        entites: [`Club:${BRE}`, 'Region:BRE', 'Collectivite:COMMUNE:29019', 'Collectivite:COMMUNE:56121'],
        listes: ['Query.clubs'],
      },
    ]);
  });

  it('a creation names the lookup by id too', async () => {
    const before = await head();
    const { errors } = await post(url, CREER, { input: { region: 'IDF', nom: 'Club IDF', collectiviteIds: ['COMMUNE:75056'] } }, ADMIN);
    expect(errors).toBeUndefined();
    const id = clubIdOfRegion('IDF');
    expect(await eventsAfter(before)).toEqual([
      expect.objectContaining({
        type: 'CREE',
        entite_id: id,
        entites: [`Club:${id}`, 'Region:IDF', 'Collectivite:COMMUNE:75056'],
        listes: ['Query.clubs', 'Query.club'],
      }),
    ]);
  });

  it('a change refused halfway through writes no event (rolled back with it)', async () => {
    const before = await head();
    const rtes = stableUuid('organisation:rtes');
    // The club row is updated before the lists are checked: the refusal rolls the update back, and the event.
    const { errors } = await post(url, MODIFIER, { id: BRE, input: { nom: 'Jamais', animateurIds: [rtes], partenaireIds: [rtes] } }, ADMIN);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await eventsAfter(before)).toEqual([]);
  });

  it('tells the last change of a club or of the whole subgraph, never kept by the gateway, and the same on a regional instance', async () => {
    const LAST = '{ dernierChangementClubs { id survenuA } }';
    await post(url, MODIFIER, { id: BRE, input: { nom: 'Club BRE, versionné' } }, ADMIN);
    const [last] = await server.dataSource.query<{ id: string }[]>("SELECT max(id)::text AS id FROM evenement WHERE entite = 'Club'");
    const bre = String(last?.id);
    // As the gateway asks (its secret, its cache's header): the answer says it must not be kept.
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [GATEWAY_HEADER]: DEVELOPMENT_GATEWAY_SECRET, [CACHE_TAGS_HEADER]: '1' },
      body: JSON.stringify({ query: LAST }),
    });
    const answer = (await response.json()) as { data: unknown; extensions: Record<string, unknown> };
    expect(answer.data).toEqual({ dernierChangementClubs: { id: bre, survenuA: expect.any(String) as string } });
    expect(answer.extensions[CACHE_EXTENSION]).toMatchObject({ uncacheable: true });
    // An instance of another région starting (REDEMARRAGE: anything may have changed) is a change for every instance.
    const occ = await createServer({ ...readSubgraphSettings('clubs', { FEDERESS_REGION: 'OCC' }), databaseUrl });
    try {
      const occUrl = await occ.listen(0);
      const start = await head();
      expect(BigInt(start)).toBeGreaterThan(BigInt(bre));
      expect((await post(url, LAST)).data).toEqual({ dernierChangementClubs: { id: start, survenuA: expect.any(String) as string } });
      await post(url, MODIFIER, { id: BRE, input: { nom: 'Club BRE, encore' } }, ADMIN);
      // A change of another région is not the OCC instance's.
      expect((await post(occUrl, LAST)).data).toEqual({ dernierChangementClubs: { id: start, survenuA: expect.any(String) as string } });
    } finally {
      await occ.stop();
    }
  });
});
