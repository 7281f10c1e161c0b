import { readSubgraphSettings } from '@federess/config';
import { StatementCounter } from '@federess/database';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import type { SubgraphServer } from '@federess/subgraph-kit';
import { REGIONS, clubIdOfRegion, stableUuid } from '@federess/vocabulaire';
import { createServer } from '../src/server';
import { type Data, post } from './graph';
import { dataOf, type GraphQLBody, nodes } from '@federess/server-kit/testing';

/** Rencontres and clubs of a lot of test publications, spread so that every parent has several. */
const LOT = 'Lot de test';
const LOT_SIZE = 126;
const RENCONTRES = Array.from({ length: 9 }, (_, i) => stableUuid(`rencontre:lot-${i}`));

describe('subgraph publications: SQL statements grow with depth, not with rows', () => {
  const counter = new StatementCounter();
  const databaseUrl = testDatabaseUrl('publications_batching');
  let server: SubgraphServer;
  let url: string;

  beforeAll(async () => {
    server = await createServer({ ...readSubgraphSettings('publications', {}), databaseUrl }, { logger: counter });
    url = await server.listen(0);
    for (let i = 0; i < LOT_SIZE; i += 1) {
      const region = REGIONS[i % REGIONS.length]!;
      const id = stableUuid(`publication:lot-${i}`);
      await server.dataSource.query(
        `INSERT INTO publication (id, titre, type, collection, date_publication, editeur, thematiques, acces, region_code, club_id, rencontre_id)
         VALUES ($1, $2, 'COMPTE_RENDU', $3, DATE '2020-01-01' + $4::int, 'Test', '{SIEG}', 'PUBLIC', $5, $6, $7)`,
        [id, `Lot n°${i}`, LOT, i, region.code, clubIdOfRegion(region.code), RENCONTRES[i % RENCONTRES.length]],
      );
      await server.dataSource.query(
        `INSERT INTO publication_collectivite (publication_id, collectivite_id, rang) VALUES ($1, 'COMMUNE:13055', 1), ($1, $2, 2)`,
        [id, `COMMUNE:${String(10000 + i)}`],
      );
    }
  });
  afterAll(async () => {
    await server?.stop();
  });

  const statements = async (query: string, variables: Record<string, unknown>) => {
    counter.reset();
    const response = await post(url, query, variables);
    expect(response.errors).toBeUndefined();
    return { data: response.data, count: counter.count };
  };

  it('resolves Rencontre.ressources for 2 or 9 rencontres in as many statements', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Rencontre { id ressources { titre collectivitesCitees { id } } } } }`;
    const asked = (ids: string[]) => ({ r: ids.map((id) => ({ __typename: 'Rencontre', id })) });
    const few = await statements(query, asked(RENCONTRES.slice(0, 2)));
    const many = await statements(query, asked(RENCONTRES));
    expect(few.count).toBeGreaterThan(0);
    expect(many.count).toBe(few.count);
    expect(dataOf(many)._entities).toHaveLength(9);
    for (const entity of dataOf(many)._entities) {
      expect(entity.ressources).toHaveLength(LOT_SIZE / RENCONTRES.length);
      for (const ressource of entity.ressources) expect(ressource.collectivitesCitees).toHaveLength(2);
    }
  });

  it('resolves Club.publications and Region.publications pages for 2 or 18 parents in as many statements', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Club { id publications(first: 3) { totalCount pageInfo { hasNextPage } edges { node { titre region { code } collectivitesCitees { id } } } } }
        ... on Region { code publications(first: 2) { totalCount edges { node { titre } } } } } }`;
    const asked = (codes: readonly string[]) => ({
      r: codes.flatMap((code) => [
        { __typename: 'Club', id: clubIdOfRegion(code) },
        { __typename: 'Region', code },
      ]),
    });
    const few = await statements(query, asked(['ARA', 'BRE']));
    const many = await statements(query, asked(REGIONS.map((r) => r.code)));
    expect(few.count).toBeGreaterThan(0);
    expect(many.count).toBe(few.count);

    const counts = await server.dataSource.query<{ club_id: string; n: number }[]>(
      'SELECT club_id::text, count(*)::int AS n FROM publication WHERE club_id IS NOT NULL GROUP BY club_id',
    );
    const expected = new Map(counts.map((c) => [c.club_id, c.n]));
    for (const [index, entity] of dataOf(many)._entities.entries()) {
      const code = REGIONS[Math.floor(index / 2)]!.code;
      if (index % 2 === 0) {
        expect(entity.id).toBe(clubIdOfRegion(code));
        expect(entity.publications.totalCount).toBe(expected.get(clubIdOfRegion(code)));
        expect(entity.publications.edges).toHaveLength(3);
        expect(entity.publications.pageInfo.hasNextPage).toBe(true);
        for (const { node } of entity.publications.edges) expect(node.region).toEqual({ code });
      } else {
        expect(entity.code).toBe(code);
        expect(entity.publications.edges).toHaveLength(2);
      }
    }
  });

  it('pages a club’s publications exactly as the filtered list does', async () => {
    const club = clubIdOfRegion('HDF');
    const list = await post(url, `{ publications(filtre: { clubs: ["${club}"] }, first: 200) { edges { node { id } } } }`);
    const expected = nodes<{ id: string }>(dataOf(list).publications).map((n) => n.id);
    expect(expected.length).toBeGreaterThan(5);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      // Typed here: `after` is read back from the answer, which TypeScript cannot infer through the loop.
      const r: GraphQLBody<Data> = await post(
        url,
        `query($a: String) { _entities(representations: [{ __typename: "Club", id: "${club}" }]) {
            ... on Club { publications(first: 2, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } } }`,
        { a: after },
      );
      const page = dataOf(r)._entities[0]!.publications;
      expect(page.totalCount).toBe(expected.length);
      seen.push(...nodes<{ id: string }>(page).map((n) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    const empty = await post(
      url,
      `{ _entities(representations: [{ __typename: "Club", id: "${club}" }]) { ... on Club { publications(first: 0) { totalCount edges { node { id } } } } } }`,
    );
    expect(dataOf(empty)._entities[0]?.publications).toEqual({ totalCount: expected.length, edges: [] });
  });

  it('runs as many statements for a nested list of 5 publications as for 100', async () => {
    // One loader is asked from one branch per depth: two sibling branches (say region.publications and
    // rencontre.ressources) reaching the same loader resolve at times that depend on the database, and
    // would share a batch or not by chance.
    const query = `query($n: Int, $f: PublicationFiltre) { publications(filtre: $f, first: $n) { totalCount edges { node {
        titre fichier lien collectivitesCitees { id }
        region { code publications(first: 2) { totalCount edges { node { titre } } } }
        club { id publications(first: 3) { totalCount edges { node { titre } } } }
        rencontre { id ressources { titre collectivitesCitees { id } } }
      } } } }`;
    const filtre = { collections: [LOT] };
    const few = await statements(query, { n: 5, f: filtre });
    const many = await statements(query, { n: 100, f: filtre });
    expect(dataOf(few).publications.edges).toHaveLength(5);
    expect(dataOf(many).publications.edges).toHaveLength(100);
    expect(dataOf(many).publications.totalCount).toBe(LOT_SIZE);
    expect(few.count).toBeGreaterThan(0);
    expect(many.count).toBe(few.count);
    const first = dataOf(many).publications.edges[0]!.node;
    expect(first.collectivitesCitees).toEqual([{ id: 'COMMUNE:13055' }, { id: `COMMUNE:${10000 + LOT_SIZE - 1}` }]);
    expect(first.rencontre?.ressources.length).toBe(LOT_SIZE / RENCONTRES.length);
    expect(first.club?.publications.edges).toHaveLength(3);
  });
});
