import { clubIdOfRegion } from '@federess/vocabulaire';
import { dataOf, startTestServer, type TestServer } from './helpers';
import type { Club } from './graph';

/** The deep agenda query the DataLoader proof runs: every related-row field of a rencontre. */
const NESTED = `query($region: String!) {
  rencontres(filtre: { regions: [$region] }, first: 200) {
    totalCount
    edges { node {
      id titre statut debutLocal nombreInscrits placesRestantes
      sessions { ordre debut debutLocal lienEnLigne lieu { nom commune { id } } }
      intervenants { nom role collectivite { id } }
      club { id }
      region { code }
      inscriptions { email personne { nom } collectivite { id } rencontre { id } }
    } }
  }
}`;

const PARIS = 'COMMUNE:75056';
const STRASBOURG = 'COMMUNE:67482';
const SEINE_SAINT_DENIS = 'DEPARTEMENT:93';

describe('DataLoader batching: SQL grows with depth, not with rows', () => {
  let t: TestServer;

  /** n rencontres in a région, each with 2 sessions, 2 intervenants and 3 registrations. */
  async function remplir(region: string, n: number, collectivite: string): Promise<void> {
    const ds = t.server.dataSource;
    await ds.query(
      `INSERT INTO rencontre (id, titre, type, format, thematiques, public, debut, fin, capacite, region_code, club_id)
       SELECT gen_random_uuid(), $1 || ' n°' || g, 'RENCONTRE_CLUB', 'HYBRIDE', '{SIEG}', '{ELUS,AGENTS}',
              now() + g * interval '1 day', now() + g * interval '1 day' + interval '3 hours', 50, $1, $2
       FROM generate_series(1, $3) g`,
      [region, clubIdOfRegion(region), n],
    );
    await ds.query(
      `INSERT INTO session_rencontre (id, rencontre_id, ordre, debut, fin, lieu_nom, lieu_commune_id, lien_en_ligne)
       SELECT gen_random_uuid(), r.id, s, r.debut + (s - 1) * interval '90 minutes', r.debut + s * interval '90 minutes',
              'Salle ' || s, $2, 'https://example.org/visio'
       FROM rencontre r, generate_series(1, 2) s WHERE r.region_code = $1`,
      [region, collectivite],
    );
    await ds.query(
      `INSERT INTO intervenant (id, rencontre_id, ordre, nom, role, collectivite_id)
       SELECT gen_random_uuid(), r.id, s, 'Intervenant ' || s, 'Élu', $2 FROM rencontre r, generate_series(1, 2) s WHERE r.region_code = $1`,
      [region, collectivite],
    );
    // Two registrations from the région's city, one from Seine-Saint-Denis, on every rencontre.
    await ds.query(
      `INSERT INTO inscription (id, rencontre_id, prenom, nom, email, qualite, collectivite_id)
       SELECT gen_random_uuid(), r.id, 'P' || s, 'N' || s, 'p' || s || '@example.org', 'AGENT', CASE WHEN s < 3 THEN $2 ELSE $3 END
       FROM rencontre r, generate_series(1, 3) s WHERE r.region_code = $1`,
      [region, collectivite, SEINE_SAINT_DENIS],
    );
  }

  beforeAll(async () => {
    t = await startTestServer('rencontres_dataloader', { seed: false });
    await remplir('GES', 5, STRASBOURG);
    await remplir('IDF', 200, PARIS);
    await remplir('NOR', 3, 'COMMUNE:76540');
    await remplir('CVL', 2, 'COMMUNE:45234');
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function statements<T>(run: () => Promise<T>): Promise<{ count: number; result: T }> {
    t.counter.reset();
    const result = await run();
    return { count: t.counter.count, result };
  }

  it('runs the nested agenda query over 5 and over 200 rencontres with the same number of statements', async () => {
    const small = await statements(async () => dataOf(await t.gql(NESTED, { region: 'GES' })).rencontres);
    const large = await statements(async () => dataOf(await t.gql(NESTED, { region: 'IDF' })).rencontres);

    expect(small.result.edges).toHaveLength(5);
    expect(large.result.edges).toHaveLength(200);
    expect(large.result.totalCount).toBe(200);
    for (const { node } of large.result.edges) {
      expect(node.sessions).toHaveLength(2);
      expect(node.intervenants).toHaveLength(2);
      expect(node.inscriptions).toHaveLength(3);
      expect(node.inscriptions.every((i) => i.rencontre.id === node.id)).toBe(true);
      expect(node).toMatchObject({ nombreInscrits: 3, placesRestantes: 47, club: { id: clubIdOfRegion('IDF') }, region: { code: 'IDF' } });
    }
    expect(large.count).toBe(small.count);
    // rows + count, then one batch each: sessions, intervenants, inscriptions, counts, rencontres by id.
    expect(large.count).toBeLessThanOrEqual(7);
  });

  it('resolves Rencontre entities (_entities) through one batched lookup', async () => {
    const ids = (
      await t.server.dataSource.query<{ id: string }[]>("SELECT id FROM rencontre WHERE region_code = 'IDF' ORDER BY debut LIMIT 30")
    ).map((r) => r.id);
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Rencontre { id titre sessions { debut } nombreInscrits } } }`;
    const entities = (list: string[]) => list.map((id) => ({ __typename: 'Rencontre', id }));
    const three = await statements(async () => dataOf(await t.gql(query, { representations: entities(ids.slice(0, 3)) }))._entities);
    const thirty = await statements(
      async () =>
        dataOf(await t.gql(query, { representations: [...entities(ids), { __typename: 'Rencontre', id: 'pas-un-uuid' }] }))._entities,
    );
    expect(three.result.map((e) => e.id)).toEqual(ids.slice(0, 3));
    expect(thirty.result.slice(0, 30).map((e) => e.id)).toEqual(ids);
    expect(thirty.result[30]).toBeNull();
    expect(thirty.result.every((e) => e === null || e.sessions.length === 2)).toBe(true);
    expect(thirty.count).toBe(three.count);
  });

  it('batches Club.rencontres and Club.prochaineRencontre over many clubs', async () => {
    // The first GES rencontre is cancelled: the next one becomes the club's prochaineRencontre.
    const [first] = await t.server.dataSource.query<{ id: string }[]>(
      "SELECT id FROM rencontre WHERE region_code = 'GES' ORDER BY debut LIMIT 1",
    );
    await t.server.dataSource.query("UPDATE rencontre SET statut = 'ANNULEE' WHERE id = $1", [first!.id]);

    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Club { id
        rencontres(first: 3) { totalCount pageInfo { hasNextPage } edges { node { id debut sessions { ordre } } } }
        upcoming: rencontres(filtre: { statuts: [PROGRAMMEE] }, first: 1) { totalCount }
        prochaineRencontre { id titre }
      } } }`;
    type Data = { _entities: (Club & { upcoming: { totalCount: number } })[] };
    const clubs = (regions: string[]) => regions.map((code) => ({ __typename: 'Club', id: clubIdOfRegion(code) }));
    const two = await statements(async () => dataOf(await t.gql<Data>(query, { representations: clubs(['GES', 'IDF']) }))._entities);
    const SIX = ['GES', 'IDF', 'NOR', 'CVL', 'COR', 'BRE'];
    const six = await statements(async () => dataOf(await t.gql<Data>(query, { representations: clubs(SIX) }))._entities);
    expect(six.count).toBe(two.count);
    expect(six.count).toBeLessThanOrEqual(6);

    const club = (region: string) => six.result[SIX.indexOf(region)];
    expect(club('GES')?.rencontres.totalCount).toBe(5);
    expect(club('GES')?.upcoming.totalCount).toBe(4);
    expect(club('IDF')?.rencontres).toMatchObject({ totalCount: 200, pageInfo: { hasNextPage: true } });
    expect(club('NOR')?.rencontres).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false } });
    expect(club('COR')?.rencontres).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false }, edges: [] });
    expect(club('COR')?.prochaineRencontre).toBeNull();
    expect(club('GES')?.prochaineRencontre?.titre).toBe('GES n°2');

    // The same page as the top-level query, in the same order.
    const top = dataOf(
      await t.gql('query($c: ID!) { rencontres(filtre: { clubs: [$c] }, first: 3) { edges { node { id } } } }', {
        c: clubIdOfRegion('IDF'),
      }),
    ).rencontres;
    expect(club('IDF')?.rencontres.edges.map((e) => e.node.id)).toEqual(top.edges.map((e) => e.node.id));
    for (const { node } of club('IDF')?.rencontres.edges ?? []) expect(node.sessions.map((s) => s.ordre)).toEqual([1, 2]);
  });

  it('pages a club’s agenda past its end and keeps the total', async () => {
    const query = `query($representations: [_Any!]!, $after: String) { _entities(representations: $representations) {
      ... on Club { rencontres(first: 2, after: $after) { totalCount edges { node { titre } } } } } }`;
    const representations = [{ __typename: 'Club', id: clubIdOfRegion('NOR') }];
    const page1 = dataOf(await t.gql(query, { representations }))._entities[0]?.rencontres;
    expect(page1?.edges.map((e) => e.node.titre)).toEqual(['NOR n°1', 'NOR n°2']);
    const cursorOfSecond = Buffer.from('o:1').toString('base64url');
    const page2 = dataOf(await t.gql(query, { representations, after: cursorOfSecond }))._entities[0]?.rencontres;
    expect(page2).toEqual({ totalCount: 3, edges: [{ node: { titre: 'NOR n°3' } }] });
    const past = dataOf(await t.gql(query, { representations, after: Buffer.from('o:9').toString('base64url') }))._entities[0]?.rencontres;
    expect(past).toEqual({ totalCount: 3, edges: [] });
  });

  it('batches Collectivite.participations, counting each rencontre once per collectivité', async () => {
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Collectivite { id participations(first: 5) { totalCount edges { node { id titre } } } } } }`;
    const of = (ids: string[]) => ids.map((id) => ({ __typename: 'Collectivite', id }));
    const two = await statements(async () => dataOf(await t.gql(query, { representations: of([STRASBOURG, PARIS]) }))._entities);
    const five = await statements(
      async () =>
        dataOf(await t.gql(query, { representations: of([STRASBOURG, PARIS, SEINE_SAINT_DENIS, 'COMMUNE:76540', 'COMMUNE:01001']) }))
          ._entities,
    );
    expect(five.count).toBe(two.count);
    expect(five.result.map((c) => c.participations.totalCount)).toEqual([5, 200, 210, 3, 0]);
    expect(five.result[0]?.participations.edges.map((e) => e.node.titre)).toEqual(['GES n°1', 'GES n°2', 'GES n°3', 'GES n°4', 'GES n°5']);
  });
});
