import { readSubgraphSettings } from '@federess/config';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import type { SubgraphServer } from '@federess/subgraph-kit';
import { clubIdOfRegion } from '@federess/vocabulaire';
import { loadClubs, loadOrganisations } from '../src/seed/load';
import { createServer } from '../src/server';
import { post } from '@federess/auth/testing';
import { dataOf } from '@federess/server-kit/testing';
import type { Club, Organisation } from './graph';

const ARA = clubIdOfRegion('ARA');
const BRE = clubIdOfRegion('BRE');

describe('subgraph clubs: reads', () => {
  const databaseUrl = testDatabaseUrl('clubs_reads');
  let national: SubgraphServer;
  let aura: SubgraphServer;
  let url: string;
  let auraUrl: string;

  beforeAll(async () => {
    national = await createServer({ ...readSubgraphSettings('clubs', {}), databaseUrl });
    url = await national.listen(0);
    // A regional site's instance over the same database (the seed is already there: it is skipped).
    aura = await createServer({ ...readSubgraphSettings('clubs', { FEDERESS_REGION: 'ARA' }), databaseUrl });
    auraUrl = await aura.listen(0);
  });
  afterAll(async () => {
    await aura?.stop();
    await national?.stop();
  });

  it('serves the seeded clubs of seven régions', async () => {
    const data = dataOf(await post<{ clubs: Club[] }>(url, '{ clubs { id nom region { code } } }'));
    const regions = data.clubs.map((c) => c.region.code).sort();
    expect(regions).toEqual(['ARA', 'BRE', 'HDF', 'NAQ', 'OCC', 'PAC', 'PDL']);
    for (const club of data.clubs) expect(club.id).toBe(clubIdOfRegion(club.region.code));
  });

  it('tells the Auvergne-Rhône-Alpes club as its page does', async () => {
    const data = dataOf(
      await post<{ club: Club }>(
        url,
        `query($id: ID!) { club(id: $id) {
         nom chiffresParticipation nombreParticipants nombreCollectivites anneeChiffres anneeLancement siteWeb frequence thematiques exemplesThemes
         animateurs { sigle type } partenaires { sigle type region { code } }
         contacts { nom role email telephone organisation { sigle region { code } } }
         collectivitesMembres { id } } }`,
        { id: ARA },
      ),
    );
    const club = data.club;
    expect(club.nom).toBe("Club des collectivités pour l'ESS en Auvergne-Rhône-Alpes");
    expect(club).toMatchObject({
      nombreParticipants: 120,
      nombreCollectivites: 80,
      anneeChiffres: 2022,
      anneeLancement: null,
      siteWeb: null,
    });
    expect(club.chiffresParticipation).toMatch(/120 élus et agents/);
    expect(club.frequence).toMatch(/trimestre/);
    expect(club.thematiques).toContain('COMMANDE_PUBLIQUE_RESPONSABLE');
    expect(club.exemplesThemes).toContain("Dynamiser les centres villes et centres bourg avec l'ESS");
    expect(club.animateurs).toEqual([
      { sigle: 'CRESS AURA', type: 'CRESS' },
      { sigle: 'RTES', type: 'RESEAU' },
    ]);
    expect(club.partenaires).toEqual([{ sigle: 'CNFPT', type: 'CENTRE_FORMATION', region: null }]);
    expect(club.contacts).toEqual([
      {
        nom: 'Lorène Pastiau',
        role: "Chargée de mission Observatoire régional de l'ESS",
        email: 'lpastiau@cress-aura.org',
        telephone: '04 78 09 11 97',
        organisation: { sigle: 'CRESS AURA', region: { code: 'ARA' } },
      },
    ]);
    expect(club.collectivitesMembres).toEqual([{ id: 'EPCI:246300701' }]);
  });

  it('knows the Bretagne, Nouvelle-Aquitaine, Occitanie and Hauts-de-France clubs', async () => {
    const { data } = await post<Record<'bre' | 'naq' | 'occ' | 'hdf', Club[]>>(
      url,
      `{ bre: clubs(region: "BRE") { nom partenaires { sigle } contacts { nom email telephone } }
         naq: clubs(region: "naq") { animateurs { sigle } contacts { email } }
         occ: clubs(region: "OCC") { anneeLancement animateurs { sigle } contacts { nom } }
         hdf: clubs(region: "HDF") { collectivitesMembres { id } } }`,
    );
    expect(data?.bre).toEqual([
      {
        nom: "Club des collectivités pour l'ESS en Bretagne",
        partenaires: [{ sigle: 'CNFPT Bretagne' }],
        contacts: [{ nom: 'Floriane Désille', email: 'fdesille@cress-bretagne.org', telephone: null }],
      },
    ]);
    expect(data?.naq).toEqual([{ animateurs: [{ sigle: 'CRESS Nouvelle-Aquitaine' }], contacts: [{ email: 'contact@cress-na.org' }] }]);
    expect(data?.occ).toEqual([{ anneeLancement: 2023, animateurs: [{ sigle: 'CRESS Occitanie' }, { sigle: 'RTES' }], contacts: [] }]);
    expect(data?.hdf[0]?.collectivitesMembres.map((c) => c.id).sort()).toEqual([
      'COMMUNE:59350',
      'COMMUNE:62907',
      'EPCI:200093201',
      'EPCI:246200299',
    ]);
  });

  it('lists organisations, national ones on every instance', async () => {
    const all = dataOf(await post<{ organisations: Organisation[] }>(url, '{ organisations { sigle } }'));
    expect(all.organisations.map((o) => o.sigle)).toEqual(expect.arrayContaining(['RTES', 'CNFPT', 'CRESS AURA', 'CRESS Bretagne']));
    const regional = dataOf(await post<{ organisations: Organisation[] }>(auraUrl, '{ organisations { sigle } }'));
    expect(regional.organisations.map((o) => o.sigle).sort()).toEqual(['CNFPT', 'CRESS AURA', 'RTES']);
  });

  it.each([
    ['an unknown région', '{ clubs(region: "XYZ") { nom } }'],
    ['a malformed club id', '{ club(id: "ARA") { nom } }'],
    ['an SQL-looking club id', `{ club(id: "1' OR '1'='1") { nom } }`],
  ])('refuses %s with BAD_USER_INPUT', async (_what, query) => {
    const { data, errors } = await post(url, query);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).not.toMatch(/invalid input|syntax/i);
    expect(Object.values(data ?? {}).every((value) => value === null)).toBe(true);
  });

  it('answers null for a well-formed id that is no club', async () => {
    const data = dataOf(await post<{ club: Club | null }>(url, '{ club(id: "00000000-0000-4000-8000-000000000000") { nom } }'));
    expect(data.club).toBeNull();
  });

  it('on a regional instance, returns only its own région', async () => {
    const { data, errors } = await post(
      auraUrl,
      `query($bre: ID!, $ara: ID!) { clubs { region { code } } bretagne: clubs(region: "BRE") { nom }
         bre: club(id: $bre) { nom } ara: club(id: $ara) { region { code } } }`,
      { bre: BRE, ara: ARA },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ clubs: [{ region: { code: 'ARA' } }], bretagne: [], bre: null, ara: { region: { code: 'ARA' } } });
  });

  it('resolves Club, Region.club and Collectivite.clubs references for the gateway', async () => {
    const { data, errors } = await post<{ _entities: unknown[] }>(
      url,
      `query($ara: ID!, $bre: ID!) { _entities(representations: [
          { __typename: "Club", id: $ara },
          { __typename: "Club", id: $bre },
          { __typename: "Club", id: "pas-un-uuid" },
          { __typename: "Club", id: "00000000-0000-4000-8000-000000000000" },
          { __typename: "Region", code: "BRE" },
          { __typename: "Region", code: "IDF" },
          { __typename: "Collectivite", id: "EPCI:246300701" },
          { __typename: "Collectivite", id: "COMMUNE:35238" }
        ]) { ... on Club { nom region { code } } ... on Region { code club { nom } } ... on Collectivite { id clubs { region { code } } } } }`,
      { ara: ARA, bre: BRE },
    );
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([
      { nom: "Club des collectivités pour l'ESS en Auvergne-Rhône-Alpes", region: { code: 'ARA' } },
      { nom: "Club des collectivités pour l'ESS en Bretagne", region: { code: 'BRE' } },
      null,
      null,
      { code: 'BRE', club: { nom: "Club des collectivités pour l'ESS en Bretagne" } },
      { code: 'IDF', club: null },
      { id: 'EPCI:246300701', clubs: [{ region: { code: 'ARA' } }] },
      { id: 'COMMUNE:35238', clubs: [] },
    ]);
  });

  it.each([
    ['a type of another subgraph', '{ __typename: "Rencontre", id: "00000000-0000-4000-8000-000000000000" }'],
    ['a type that is no entity', '{ __typename: "PageInfo", id: "x" }'],
    ['a type the schema does not have', '{ __typename: "Pirate", id: "x" }'],
    ['no type at all', '{ id: "x" }'],
    ['an entity without its key', '{ __typename: "Club" }'],
    ['an entity whose key is no scalar', '{ __typename: "Collectivite", id: { a: 1 } }'],
  ])('refuses %s in _entities with BAD_USER_INPUT, the whole call, without a stack in the log', async (_what, representation) => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { data, errors } = await post<{ _entities: unknown }>(
        url,
        `{ _entities(representations: [{ __typename: "Club", id: "${ARA}" }, ${representation}]) { ... on Club { nom } } }`,
      );
      expect(errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      expect(errors?.[0]?.message).toMatch(/représentation|_entities/);
      expect(data?._entities ?? null).toBeNull();
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it('resolves references on a regional instance only within its région', async () => {
    const { data, errors } = await post<{ _entities: unknown[] }>(
      auraUrl,
      `query($ara: ID!, $bre: ID!) { _entities(representations: [
          { __typename: "Club", id: $ara },
          { __typename: "Club", id: $bre },
          { __typename: "Region", code: "BRE" },
          { __typename: "Region", code: "ARA" },
          { __typename: "Collectivite", id: "EPCI:200093201" }
        ]) { ... on Club { region { code } } ... on Region { club { region { code } } } ... on Collectivite { clubs { nom } } } }`,
      { ara: ARA, bre: BRE },
    );
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([
      { region: { code: 'ARA' } },
      null,
      { club: null },
      { club: { region: { code: 'ARA' } } },
      { clubs: [] },
    ]);
  });

  it('seeds idempotently: running the seed steps again changes no row count', async () => {
    const counts = async () =>
      national.dataSource.query<Record<string, string>[]>(
        `SELECT (SELECT count(*) FROM club) AS clubs, (SELECT count(*) FROM organisation) AS organisations,
                (SELECT count(*) FROM club_organisation) AS roles, (SELECT count(*) FROM contact) AS contacts,
                (SELECT count(*) FROM club_collectivite) AS membres`,
      );
    const before = await counts();
    expect(before[0]).toEqual({ clubs: '7', organisations: '10', roles: '15', contacts: '3', membres: '5' });
    await national.dataSource.transaction(async (manager) => {
      await loadOrganisations(manager);
      await loadClubs(manager);
    });
    expect(await counts()).toEqual(before);
  });
});
