import { readSubgraphSettings } from '@federess/config';
import { StatementCounter } from '@federess/database';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import type { SubgraphServer } from '@federess/subgraph-kit';
import { createServer } from '../src/server';
import { ADMIN } from '@federess/auth/testing';
import { dataOf } from '@federess/server-kit/testing';
import { post } from './graph';

describe('subgraph collectivites', () => {
  const counter = new StatementCounter();
  const databaseUrl = testDatabaseUrl('collectivites_test');
  let national: SubgraphServer;
  let aura: SubgraphServer;
  let url: string;
  let auraUrl: string;

  beforeAll(async () => {
    national = await createServer({ ...readSubgraphSettings('collectivites', {}), databaseUrl }, { logger: counter });
    url = await national.listen(0);
    // A regional site's instance over the same database (the seed is already there: it is skipped).
    aura = await createServer({ ...readSubgraphSettings('collectivites', { FEDERESS_REGION: 'ARA' }), databaseUrl });
    auraUrl = await aura.listen(0);
  });
  afterAll(async () => {
    await aura?.stop();
    await national?.stop();
  });

  it('loads the whole official referential', async () => {
    const data = dataOf(
      await post(
        url,
        `{ all: collectivites { totalCount }
         communes: collectivites(types: [COMMUNE]) { totalCount }
         epci: collectivites(types: [EPCI]) { totalCount }
         departements: collectivites(types: [DEPARTEMENT]) { totalCount }
         regions { code } }`,
      ),
    );
    expect(data.all.totalCount).toBeGreaterThan(35_000);
    expect(data.communes.totalCount).toBeGreaterThan(34_000);
    expect(data.epci.totalCount).toBeGreaterThan(1_200);
    expect(data.departements.totalCount).toBe(101);
    expect(data.regions).toHaveLength(18);
  });

  it.each([
    ['saint etienne', 'Saint-Étienne'],
    ['SAINT-ETIENNE', 'Saint-Étienne'],
    ['sant etiene', 'Saint-Étienne'],
    ['clermont auvergne metropole', 'Clermont Auvergne Métropole'],
    ['lyon', 'Lyon'],
  ])('ranks the intended collectivité first for %p', async (recherche, expected) => {
    const data = dataOf(
      await post(url, 'query($q: String) { collectivites(recherche: $q, first: 3) { edges { node { nom } } } }', {
        q: recherche,
      }),
    );
    expect(data.collectivites.edges[0]?.node.nom).toBe(expected);
  });

  it('links communes, EPCI, départements and régions', async () => {
    const data = dataOf(
      await post(
        url,
        '{ collectivite(id: "COMMUNE:42218") { nom siren population departement { code nom region { code } } region { nom } epci { nom nature communesMembres { id } } } }',
      ),
    );
    const c = data.collectivite;
    expect(c).toMatchObject({
      nom: 'Saint-Étienne',
      departement: { code: '42', nom: 'Loire', region: { code: 'ARA' } },
      region: { nom: 'Auvergne-Rhône-Alpes' },
    });
    expect(c.epci?.nature).toBe('METRO');
    expect(c.epci?.communesMembres.map((m) => m.id)).toContain('COMMUNE:42218');
  });

  it('filters by région, type and RTES membership', async () => {
    const data = dataOf(
      await post(url, '{ collectivites(region: "HDF", adherente: true, first: 50) { edges { node { id region { code } adherente } } } }'),
    );
    const nodes = data.collectivites.edges.map((e) => e.node);
    expect(nodes.map((n: { id: string }) => n.id).sort()).toEqual(['COMMUNE:59350', 'COMMUNE:62907', 'EPCI:200093201', 'EPCI:246200299']);
    for (const n of nodes) expect(n).toMatchObject({ region: { code: 'HDF' }, adherente: true });
  });

  it('pages through a connection without overlap', async () => {
    const first = await post(
      url,
      '{ collectivites(region: "COR", types: [DEPARTEMENT]) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }',
    );
    expect(dataOf(first).collectivites.totalCount).toBe(2);
    const page1 = await post(
      url,
      '{ collectivites(region: "COR", types: [DEPARTEMENT], first: 1) { pageInfo { hasNextPage endCursor } edges { node { id } } } }',
    );
    expect(dataOf(page1).collectivites.pageInfo.hasNextPage).toBe(true);
    const page2 = await post(
      url,
      'query($a: String) { collectivites(region: "COR", types: [DEPARTEMENT], first: 1, after: $a) { pageInfo { hasNextPage } edges { node { id } } } }',
      {
        a: dataOf(page1).collectivites.pageInfo.endCursor,
      },
    );
    expect(dataOf(page2).collectivites.pageInfo.hasNextPage).toBe(false);
    expect(dataOf(page2).collectivites.edges[0]?.node.id).not.toBe(dataOf(page1).collectivites.edges[0]?.node.id);
  });

  it.each([
    ['an unknown région', '{ collectivites(region: "XYZ") { totalCount } }'],
    ['a page too large', '{ collectivites(first: 100000) { totalCount } }'],
    ['a negative page', '{ collectivites(first: -1) { totalCount } }'],
    ['a forged cursor', '{ collectivites(after: "bm9wZQ") { totalCount } }'],
    ['an oversized search', `{ collectivites(recherche: "${'a'.repeat(200)}") { totalCount } }`],
  ])('refuses %s with BAD_USER_INPUT', async (_what, query) => {
    const { errors } = await post(url, query);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('marks a collectivité as adhérente with a change event, and refuses unknown ids', async () => {
    const [{ head }] = await national.dataSource.query<[{ head: string }]>('SELECT max(id)::text AS head FROM evenement');
    const marked = await post(
      url,
      'mutation { marquerAdherente(collectiviteId: "COMMUNE:42218", adherente: true) { adherente } }',
      {},
      ADMIN,
    );
    expect(dataOf(marked).marquerAdherente.adherente).toBe(true);
    const unmarked = await post(
      url,
      'mutation { marquerAdherente(collectiviteId: "COMMUNE:42218", adherente: false) { adherente } }',
      {},
      ADMIN,
    );
    expect(dataOf(unmarked).marquerAdherente.adherente).toBe(false);
    const unknown = await post(
      url,
      'mutation { marquerAdherente(collectiviteId: "COMMUNE:00000", adherente: true) { adherente } }',
      {},
      ADMIN,
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // One change event per change, in its transaction (none for the refused one), naming the collectivité and the list.
    expect(
      await national.dataSource.query('SELECT type, entite_id, region, entites, listes, donnees FROM evenement WHERE id > $1 ORDER BY id', [
        head,
      ]),
    ).toEqual(
      [true, false].map((adherente) => ({
        type: 'ADHESION_MODIFIEE',
        entite_id: 'COMMUNE:42218',
        region: 'ARA',
        entites: ['Collectivite:COMMUNE:42218'],
        listes: ['Query.collectivites'],
        donnees: { adherente },
      })),
    );
  });

  it('on a regional instance, returns and writes only its own région', async () => {
    const data = dataOf(
      await post(
        auraUrl,
        '{ regions { code } collectivites(region: "BRE") { totalCount } ara: collectivites { totalCount } rennes: collectivite(id: "COMMUNE:35238") { nom } }',
      ),
    );
    expect(data.regions).toEqual([{ code: 'ARA' }]);
    expect(data.collectivites.totalCount).toBe(0);
    expect(data.ara.totalCount).toBeGreaterThan(4_000);
    expect(data.rennes).toBeNull();
    const refused = await post(
      auraUrl,
      'mutation { marquerAdherente(collectiviteId: "COMMUNE:35238", adherente: true) { adherente } }',
      {},
      ADMIN,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('OUT_OF_REGION');
    const after = await post(url, '{ collectivite(id: "COMMUNE:35238") { adherente } }');
    expect(dataOf(after).collectivite.adherente).toBe(false);
    const entities = await post(
      auraUrl,
      '{ _entities(representations: [{ __typename: "Collectivite", id: "COMMUNE:35238" }, { __typename: "Collectivite", id: "COMMUNE:42218" }]) { ... on Collectivite { nom } } }',
    );
    expect(dataOf(entities)._entities).toEqual([null, { nom: 'Saint-Étienne' }]);
  });

  it('resolves entity references for the gateway', async () => {
    const data = dataOf(
      await post(
        url,
        `{ _entities(representations: [
          { __typename: "Region", code: "BRE" },
          { __typename: "Departement", code: "2A" },
          { __typename: "Collectivite", id: "EPCI:246700488" }
        ]) { ... on Region { nom } ... on Departement { nom } ... on Collectivite { nom adherente } } }`,
      ),
    );
    expect(data._entities).toEqual([{ nom: 'Bretagne' }, { nom: 'Corse-du-Sud' }, { nom: 'Eurométropole de Strasbourg', adherente: true }]);
  });

  it('runs as many SQL statements for 5 collectivités as for 150 (DataLoader batching)', async () => {
    const query =
      'query($n: Int) { collectivites(types: [COMMUNE], first: $n) { edges { node { region { nom } departement { nom region { code } } epci { nom communesMembres { id } } } } } }';
    const statementsFor = async (n: number) => {
      counter.reset();
      const data = dataOf(await post(url, query, { n }));
      expect(data.collectivites.edges).toHaveLength(n);
      return counter.count;
    };
    const few = await statementsFor(5);
    const many = await statementsFor(150);
    expect(many).toBe(few);
  });
});
