import { expect } from '@jest/globals';
import { readSubgraphSettings } from '@federess/config';
import { StatementCounter } from '@federess/database';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import type { SubgraphServer } from '@federess/subgraph-kit';
import { clubIdOfRegion, stableUuid } from '@federess/vocabulaire';
import { createServer } from '../src/server';
import { seedPublications } from '../src/seed';
import { PUBLICATIONS } from '../src/seed/publications';
import { type Data, post } from './graph';
import { codeOf, dataOf, type GraphQLBody, nodes } from '@federess/server-kit/testing';

const pid = (slug: string) => stableUuid(`publication:${slug}`);
const rid = (slug: string) => stableUuid(`rencontre:${slug}`);
const REGIONALES = PUBLICATIONS.filter((p) => p.region !== null).length;

describe('subgraph publications: reading', () => {
  const counter = new StatementCounter();
  const databaseUrl = testDatabaseUrl('publications_lecture');
  let national: SubgraphServer;
  let aura: SubgraphServer;
  let url: string;
  let auraUrl: string;

  beforeAll(async () => {
    national = await createServer({ ...readSubgraphSettings('publications', {}), databaseUrl }, { logger: counter });
    url = await national.listen(0);
    aura = await createServer({ ...readSubgraphSettings('publications', { FEDERESS_REGION: 'ARA' }), databaseUrl });
    auraUrl = await aura.listen(0);
  });
  afterAll(async () => {
    await aura?.stop();
    await national?.stop();
  });

  const count = async (filtre: Record<string, unknown>, on = url): Promise<number> => {
    const r = await post(on, 'query($f: PublicationFiltre) { publications(filtre: $f) { totalCount } }', { f: filtre });
    expect(r.errors).toBeUndefined();
    return dataOf(r).publications.totalCount;
  };
  const titres = async (filtre: Record<string, unknown>): Promise<string[]> => {
    const r = await post(url, 'query($f: PublicationFiltre) { publications(filtre: $f, first: 200) { edges { node { titre } } } }', {
      f: filtre,
    });
    expect(r.errors).toBeUndefined();
    return nodes<{ titre: string }>(dataOf(r).publications).map((n) => n.titre);
  };

  it('seeds every publication of the documents, idempotently', async () => {
    expect(PUBLICATIONS.length).toBe(30);
    expect(await count({})).toBe(PUBLICATIONS.length);
    await national.dataSource.transaction(async (manager) => {
      await seedPublications(manager);
      await seedPublications(manager);
    });
    expect(await count({})).toBe(PUBLICATIONS.length);
    const [{ n }] = await national.dataSource.query<[{ n: number }]>('SELECT count(*)::int AS n FROM publication_collectivite');
    expect(n).toBe(3 + 4 + 2 + 1);
  });

  it('reads one publication with its links', async () => {
    const { data, errors } = await post(
      url,
      `query($id: ID!) { publication(id: $id) { id titre type collection numero datePublication editeur thematiques acces fichier lien
          region { code } club { id } rencontre { id } collectivitesCitees { id } } }`,
      { id: pid('reperess-9-filieres') },
    );
    expect(errors).toBeUndefined();
    expect(data?.publication).toEqual({
      id: pid('reperess-9-filieres'),
      titre: 'Filières & ESS - Le rôle des collectivités dans la structuration de filières locales avec et pour l’ESS',
      type: 'GUIDE_REPERESS',
      collection: 'RepèrESS',
      numero: 9,
      datePublication: '2023-01-01',
      editeur: 'RTES',
      thematiques: ['FILIERES', 'DEVELOPPEMENT_ECONOMIQUE', 'ECONOMIE_CIRCULAIRE'],
      acces: 'PUBLIC',
      fichier: null,
      lien: null,
      region: null,
      club: null,
      rencontre: null,
      collectivitesCitees: [{ id: 'COMMUNE:75056' }, { id: 'PETR:pays-de-langres' }],
    });
    const regional = await post(
      url,
      `{ publication(id: "${pid('points-de-reperess-ptce-hauts-de-france')}") { region { code } club { id } } }`,
    );
    expect(dataOf(regional).publication).toEqual({ region: { code: 'HDF' }, club: { id: clubIdOfRegion('HDF') } });
    const sieg = await post(
      url,
      `{ publication(id: "${pid('webinaire-sieg-2024-compte-rendu')}") { rencontre { id } collectivitesCitees { id } } }`,
    );
    expect(dataOf(sieg).publication).toEqual({
      rencontre: { id: rid('rtes-2024-webinaire-sieg') },
      collectivitesCitees: [{ id: 'EPCI:246700488' }, { id: 'COMMUNE:13055' }, { id: 'REGION:93' }],
    });
    const absent = await post(url, '{ publication(id: "00000000-0000-4000-8000-000000000000") { id } }');
    expect(absent.errors).toBeUndefined();
    expect(dataOf(absent).publication).toBeNull();
  });

  it('filters by collection, number, type and thématique', async () => {
    const r = await post(
      url,
      '{ publications(filtre: { collections: ["Points de RepèrESS"] }) { totalCount edges { node { numero titre } } } }',
    );
    expect(dataOf(r).publications.totalCount).toBe(7);
    const numbered = nodes<{ numero: number | null; titre: string }>(dataOf(r).publications).filter((n) => n.numero !== null);
    expect(numbered.map((n) => n.numero).sort((a, b) => a! - b!)).toEqual([9, 12]);
    expect(await count({ types: ['FICHE_KIT_REGIONALESS'] })).toBe(6);
    expect(await titres({ thematiques: ['SPASER'] })).toEqual([
      'SPASER : schémas de promotion des achats publics socialement et écologiquement responsables',
    ]);
    expect((await titres({ thematiques: ['ESUS', 'TIERS_LIEUX'] })).sort()).toEqual([
      "L'agrément ESUS (Entreprise Solidaire d'Utilité Sociale)",
      'Tiers-lieux & ESS',
    ]);
    expect(await count({ types: ['FICHE_KIT_REGIONALESS'], thematiques: ['TOURISME'] })).toBe(1);
  });

  it('filters by access', async () => {
    const r = await post(url, '{ publications(filtre: { acces: ADHERENTS }) { totalCount edges { node { acces type } } } }');
    expect(dataOf(r).publications.totalCount).toBe(5);
    for (const n of nodes(dataOf(r).publications)) expect(n.acces).toBe('ADHERENTS');
    expect(
      nodes(dataOf(r).publications)
        .map((n: { type: string }) => n.type)
        .sort(),
    ).toEqual(['ANNUAIRE_PARTICIPANTS', 'COMPTE_RENDU', 'COMPTE_RENDU', 'REPLAY', 'RESSOURCES']);
    expect(await count({ acces: 'PUBLIC' })).toBe(PUBLICATIONS.length - 5);
  });

  it('filters by région, national publications, club and rencontre', async () => {
    expect(await count({ regions: ['ARA'] })).toBe(3);
    expect(await count({ regions: ['hdf', 'PDL'] })).toBe(2);
    expect(await count({ nationales: true })).toBe(PUBLICATIONS.length - REGIONALES);
    expect(await count({ nationales: false })).toBe(REGIONALES);
    expect(await count({ regions: ['HDF'], nationales: true })).toBe(PUBLICATIONS.length - REGIONALES + 1);
    expect(await count({ clubs: [clubIdOfRegion('ARA')] })).toBe(2);
    expect(await count({ rencontres: [rid('rtes-2023-evaluation-impact-social')] })).toBe(4);
    expect(
      await count({ rencontres: [rid('rtes-2023-evaluation-impact-social'), rid('rtes-2024-appels-a-projets')], acces: 'ADHERENTS' }),
    ).toBe(3);
  });

  it('filters by date, inclusively, newest first', async () => {
    const r = await post(
      url,
      '{ publications(filtre: { depuis: "2024-01-01" }, first: 200) { totalCount edges { node { datePublication } } } }',
    );
    expect(dataOf(r).publications.totalCount).toBe(10);
    const dates = nodes<{ datePublication: string }>(dataOf(r).publications).map((n) => n.datePublication);
    expect(dates[0]).toBe('2024-12-12');
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(await titres({ jusqua: '2018-12-31' })).toEqual(['Journée de rencontres des collectivités locales autour de l’ESS']);
    expect(await count({ depuis: '2023-11-17', jusqua: '2023-11-17' })).toBe(4);
  });

  it('searches titles and summaries without accents or case', async () => {
    expect(await count({ recherche: 'economie informelle' })).toBe(2);
    expect(await count({ recherche: 'ÉCONOMIE INFORMELLE' })).toBe(2);
    expect(await titres({ recherche: 'tiers-lieux' })).toEqual(['Tiers-lieux & ESS']);
    expect(await count({ recherche: 'Dudignac' })).toBe(1);
    // LIKE wildcards in the words are matched literally.
    expect(await count({ recherche: '%' })).toBe(0);
    expect(await count({ recherche: '_' })).toBe(0);
  });

  it('pages through the list without overlap, in a stable order', async () => {
    const all = await post(url, '{ publications(first: 200) { edges { node { id } } } }');
    const ids = nodes<{ id: string }>(dataOf(all).publications).map((n) => n.id);
    expect(ids).toHaveLength(PUBLICATIONS.length);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 4; page += 1) {
      // Typed here: `after` is read back from the answer, which TypeScript cannot infer through the loop.
      const r: GraphQLBody<Data> = await post(
        url,
        'query($a: String) { publications(first: 8, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }',
        {
          a: after,
        },
      );
      expect(dataOf(r).publications.totalCount).toBe(PUBLICATIONS.length);
      seen.push(...nodes<{ id: string }>(dataOf(r).publications).map((n) => n.id));
      expect(dataOf(r).publications.pageInfo.hasNextPage).toBe(page < 3);
      after = dataOf(r).publications.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids);
  });

  it.each([
    ['an unknown région', '{ publications(filtre: { regions: ["XYZ"] }) { totalCount } }'],
    ['a malformed club id', '{ publications(filtre: { clubs: ["club-bretagne"] }) { totalCount } }'],
    ['an id that is no club', '{ publications(filtre: { clubs: ["00000000-0000-4000-8000-000000000000"] }) { totalCount } }'],
    ['a malformed rencontre id', '{ publications(filtre: { rencontres: ["42"] }) { totalCount } }'],
    ['a malformed publication id', '{ publication(id: "pas-un-uuid") { id } }'],
    ['depuis after jusqua', '{ publications(filtre: { depuis: "2024-02-01", jusqua: "2024-01-01" }) { totalCount } }'],
    ['an oversized search', `{ publications(filtre: { recherche: "${'a'.repeat(101)}" }) { totalCount } }`],
    ['a page too large', '{ publications(first: 1000) { totalCount } }'],
    ['a forged cursor', '{ publications(after: "bm9wZQ") { totalCount } }'],
  ])('refuses %s with BAD_USER_INPUT, before any SQL', async (_what, query) => {
    counter.reset();
    const r = await post(url, query);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.message).toMatch(/[a-z]/);
    expect(counter.count).toBe(0);
  });

  it('counts the statements of a valid query (the control of the test above)', async () => {
    counter.reset();
    await post(url, '{ publications(filtre: { regions: ["ARA"] }) { totalCount } }');
    expect(counter.count).toBeGreaterThan(0);
  });

  it('refuses an impossible date with BAD_USER_INPUT', async () => {
    const r = await post(url, 'query($d: LocalDate) { publications(filtre: { depuis: $d }) { totalCount } }', { d: '2024-02-30' });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
  });

  it('on a regional instance, reads its région and the national publications only', async () => {
    const nationales = PUBLICATIONS.length - REGIONALES;
    expect(await count({}, auraUrl)).toBe(nationales + 3);
    expect(await count({ regions: ['BRE'] }, auraUrl)).toBe(0);
    expect(await count({ regions: ['ARA'] }, auraUrl)).toBe(3);
    expect(await count({ nationales: false }, auraUrl)).toBe(3);
    expect(await count({ clubs: [clubIdOfRegion('HDF')] }, auraUrl)).toBe(0);
    const r = await post(
      auraUrl,
      `{ hdf: publication(id: "${pid('points-de-reperess-ptce-hauts-de-france')}") { id }
         ara: publication(id: "${pid('club-aura-annuaire-participants')}") { titre }
         nat: publication(id: "${pid('points-de-reperess-12-esus')}") { numero } }`,
    );
    expect(r.data).toEqual({
      hdf: null,
      ara: { titre: "Annuaire des participants du Club des collectivités pour l'ESS en Auvergne-Rhône-Alpes" },
      nat: { numero: 12 },
    });
    const entities = await post(
      auraUrl,
      `{ _entities(representations: [
          { __typename: "Publication", id: "${pid('points-de-reperess-ptce-pays-de-la-loire')}" },
          { __typename: "Publication", id: "${pid('club-aura-ressources-thematiques')}" },
          { __typename: "Club", id: "${clubIdOfRegion('HDF')}" },
          { __typename: "Club", id: "${clubIdOfRegion('ARA')}" },
          { __typename: "Region", code: "PDL" },
          { __typename: "Region", code: "ARA" },
          { __typename: "Rencontre", id: "${rid('hdf-2023-plateformcoop')}" }
        ]) {
          ... on Publication { titre }
          ... on Club { publications { totalCount } }
          ... on Region { publications { totalCount } }
          ... on Rencontre { ressources { type } }
        } }`,
    );
    expect(entities.errors).toBeUndefined();
    expect(dataOf(entities)._entities).toEqual([
      null,
      { titre: "Ressources thématiques du Club des collectivités pour l'ESS en Auvergne-Rhône-Alpes" },
      { publications: { totalCount: 0 } },
      { publications: { totalCount: 2 } },
      { publications: { totalCount: 0 } },
      { publications: { totalCount: 3 } },
      { ressources: expect.arrayContaining([{ type: 'COMPTE_RENDU' }, { type: 'REPLAY' }]) },
    ]);
  });

  it('resolves entity references and the fields it adds to other subgraphs’ entities', async () => {
    const r = await post(
      url,
      `{ _entities(representations: [
          { __typename: "Publication", id: "${pid('points-de-reperess-9-spaser')}" },
          { __typename: "Publication", id: "pas-un-uuid" },
          { __typename: "Rencontre", id: "${rid('rtes-2024-webinaire-sieg')}" },
          { __typename: "Rencontre", id: "${rid('rtes-2023-evaluation-impact-social')}" },
          { __typename: "Rencontre", id: "${rid('bretagne-2024-loi-ess-10-ans')}" },
          { __typename: "Rencontre", id: "${rid('aura-2018-journee-collectivites-ess')}" },
          { __typename: "Club", id: "${clubIdOfRegion('PDL')}" },
          { __typename: "Region", code: "HDF" }
        ]) {
          ... on Publication { numero collection }
          ... on Rencontre { ressources { type acces } }
          ... on Club { publications { totalCount edges { node { titre datePublication region { code } } } } }
          ... on Region { publications(first: 0) { totalCount edges { node { id } } } }
        } }`,
    );
    expect(r.errors).toBeUndefined();
    const [spaser, malformed, sieg, evaluation, bretagne, aura2018, pdl, hdf] = dataOf(r)._entities;
    if (!evaluation) throw new Error('no fourth entity');
    expect(spaser).toEqual({ numero: 9, collection: 'Points de RepèrESS' });
    expect(malformed).toBeNull();
    expect(sieg).toEqual({ ressources: [{ type: 'COMPTE_RENDU', acces: 'PUBLIC' }] });
    expect(evaluation.ressources).toHaveLength(4);
    expect(evaluation.ressources).toContainEqual({ type: 'COMPTE_RENDU', acces: 'ADHERENTS' });
    expect(
      evaluation.ressources
        .filter((x: { acces: string }) => x.acces === 'PUBLIC')
        .map((x: { type: string }) => x.type)
        .sort(),
    ).toEqual(['DIAPORAMA', 'REPLAY', 'RESSOURCES']);
    expect(bretagne).toEqual({ ressources: [] });
    expect(aura2018).toEqual({ ressources: [{ type: 'COMPTE_RENDU', acces: 'PUBLIC' }] });
    expect(pdl).toEqual({
      publications: {
        totalCount: 1,
        edges: [{ node: { titre: 'PTCE & collectivités en Pays de la Loire', datePublication: '2023-01-01', region: { code: 'PDL' } } }],
      },
    });
    expect(hdf).toEqual({ publications: { totalCount: 1, edges: [] } });
  });
});
