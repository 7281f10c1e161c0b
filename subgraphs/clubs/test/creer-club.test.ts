import { expect } from '@jest/globals';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import type { SubgraphServer } from '@federess/subgraph-kit';
import { clubIdOfRegion, stableUuid } from '@federess/vocabulaire';
import type { OwnerForTests } from '@federess/subgraph-kit/testing';
import { createServer } from '../src/server';
import { ADMIN, adherent, editeur, type TestCaller, post } from '@federess/auth/testing';
import { dataOf } from '@federess/server-kit/testing';
import type { Club } from './graph';
import { demarrerCollectivites, reglages } from './proprietaires';

const ARA = clubIdOfRegion('ARA');
const org = (slug: string) => stableUuid(`organisation:${slug}`);

const CREER = `mutation($input: CreerClubInput!) { creerClub(input: $input) { id nom region { code } } }`;
const EVERYTHING = `query($id: ID!) { club(id: $id) {
  id nom description frequence modalitesParticipation chiffresParticipation nombreParticipants nombreCollectivites
  anneeChiffres anneeLancement siteWeb exemplesThemes thematiques misAJourLe region { code }
  animateurs { id } partenaires { id } contacts { nom role email telephone organisation { id } } collectivitesMembres { id } } }`;

describe('subgraph clubs: creerClub', () => {
  const databaseUrl = testDatabaseUrl('clubs_creer');
  let national: SubgraphServer;
  let aura: SubgraphServer;
  let centre: SubgraphServer;
  let url: string;
  let auraUrl: string;
  let centreUrl: string;

  const creer = (input: Record<string, unknown>, caller: TestCaller = ADMIN, to = url) =>
    post<{ creerClub: Club }>(to, CREER, { input }, caller);
  const snapshot = async (id: string) => {
    return dataOf(await post<{ club: Club | null }>(url, EVERYTHING, { id })).club;
  };
  /** Every row of the subgraph, counted: a refused creation must leave them all as they were. */
  const counts = async () =>
    (
      await national.dataSource.query<Record<'clubs' | 'roles' | 'contacts' | 'membres', string>[]>(
        `SELECT (SELECT count(*) FROM club) AS clubs, (SELECT count(*) FROM club_organisation) AS roles,
                (SELECT count(*) FROM contact) AS contacts, (SELECT count(*) FROM club_collectivite) AS membres`,
      )
    )[0]!;

  // The collectivites subgraph, which checks the member collectivités a club is given.
  let collectivites: OwnerForTests;
  beforeAll(async () => {
    collectivites = await demarrerCollectivites();
    national = await createServer({ ...reglages(collectivites), databaseUrl });
    url = await national.listen(0);
    aura = await createServer({ ...reglages(collectivites, { FEDERESS_REGION: 'ARA' }), databaseUrl });
    auraUrl = await aura.listen(0);
    centre = await createServer({ ...reglages(collectivites, { FEDERESS_REGION: 'CVL' }), databaseUrl });
    centreUrl = await centre.listen(0);
  });
  afterAll(async () => {
    await centre?.stop();
    await aura?.stop();
    await national?.stop();
    await collectivites?.stop();
  });

  it('creates the club of a région that has none, with every field, and serves it as any club', async () => {
    const id = clubIdOfRegion('IDF');
    expect(await snapshot(id)).toBeNull();
    const { data, errors } = await post<{ creerClub: Club }>(
      url,
      `mutation($input: CreerClubInput!) { creerClub(input: $input) {
         id nom description nombreParticipants siteWeb thematiques region { code } region { club { id } }
         animateurs { sigle } partenaires { sigle } contacts { nom email organisation { sigle } } collectivitesMembres { id } } }`,
      {
        input: {
          region: 'IDF',
          nom: "  Club des collectivités pour l'ESS en Île-de-France  ",
          description: 'Un club lancé en 2025 par la CRESS et le RTES.',
          frequence: 'Une rencontre chaque trimestre',
          modalitesParticipation: 'Ouvert aux élus et agents des collectivités franciliennes',
          chiffresParticipation: '40 élus et agents de 25 collectivités',
          nombreParticipants: 40,
          nombreCollectivites: 25,
          anneeChiffres: 2025,
          anneeLancement: 2025,
          siteWeb: 'https://www.cress-idf.org/club',
          exemplesThemes: ['Commande publique responsable', 'Tiers-lieux', 'Tiers-lieux'],
          thematiques: ['COMMANDE_PUBLIQUE_RESPONSABLE', 'TIERS_LIEUX', 'TIERS_LIEUX'],
          animateurIds: [org('rtes')],
          partenaireIds: [org('cnfpt')],
          contacts: [
            {
              nom: 'Camille Martin',
              role: 'Chargée de mission',
              email: 'cmartin@rtes.fr',
              telephone: '+33 1 00 00 00 00',
              organisationId: org('rtes'),
            },
            { nom: 'Secrétariat', email: '' },
          ],
          collectiviteIds: ['COMMUNE:75056', 'EPCI:200054781', 'COMMUNE:75056'],
        },
      },
      ADMIN,
    );
    expect(errors).toBeUndefined();
    expect(data?.creerClub).toEqual({
      id,
      nom: "Club des collectivités pour l'ESS en Île-de-France",
      description: 'Un club lancé en 2025 par la CRESS et le RTES.',
      nombreParticipants: 40,
      siteWeb: 'https://www.cress-idf.org/club',
      thematiques: ['COMMANDE_PUBLIQUE_RESPONSABLE', 'TIERS_LIEUX'],
      region: { code: 'IDF', club: { id } },
      animateurs: [{ sigle: 'RTES' }],
      partenaires: [{ sigle: 'CNFPT' }],
      contacts: [
        { nom: 'Camille Martin', email: 'cmartin@rtes.fr', organisation: { sigle: 'RTES' } },
        { nom: 'Secrétariat', email: null, organisation: null },
      ],
      collectivitesMembres: [{ id: 'COMMUNE:75056' }, { id: 'EPCI:200054781' }],
    });

    // Every field read back by a later request.
    const club = await snapshot(id);
    expect(club).toEqual({
      id,
      nom: "Club des collectivités pour l'ESS en Île-de-France",
      description: 'Un club lancé en 2025 par la CRESS et le RTES.',
      frequence: 'Une rencontre chaque trimestre',
      modalitesParticipation: 'Ouvert aux élus et agents des collectivités franciliennes',
      chiffresParticipation: '40 élus et agents de 25 collectivités',
      nombreParticipants: 40,
      nombreCollectivites: 25,
      anneeChiffres: 2025,
      anneeLancement: 2025,
      siteWeb: 'https://www.cress-idf.org/club',
      exemplesThemes: ['Commande publique responsable', 'Tiers-lieux'],
      thematiques: ['COMMANDE_PUBLIQUE_RESPONSABLE', 'TIERS_LIEUX'],
      misAJourLe: expect.any(String),
      region: { code: 'IDF' },
      animateurs: [{ id: org('rtes') }],
      partenaires: [{ id: org('cnfpt') }],
      contacts: [
        {
          nom: 'Camille Martin',
          role: 'Chargée de mission',
          email: 'cmartin@rtes.fr',
          telephone: '+33 1 00 00 00 00',
          organisation: { id: org('rtes') },
        },
        { nom: 'Secrétariat', role: null, email: null, telephone: null, organisation: null },
      ],
      collectivitesMembres: [{ id: 'COMMUNE:75056' }, { id: 'EPCI:200054781' }],
    });
    expect(Number.isNaN(Date.parse(club?.misAJourLe ?? ''))).toBe(false);

    // Through `clubs`, `clubs(region)` and as the federation entities Club, Region.club and Collectivite.clubs.
    const lists = dataOf(
      await post<Record<'clubs' | 'idf', Club[]>>(url, '{ clubs { id region { code } } idf: clubs(region: "IDF") { id nom } }'),
    );
    expect(lists.clubs).toContainEqual({ id, region: { code: 'IDF' } });
    expect(lists.clubs).toHaveLength(8);
    expect(lists.idf).toEqual([{ id, nom: "Club des collectivités pour l'ESS en Île-de-France" }]);
    const entities = await post<{ _entities: unknown[] }>(
      url,
      `query($id: ID!) { _entities(representations: [
          { __typename: "Club", id: $id },
          { __typename: "Region", code: "IDF" },
          { __typename: "Collectivite", id: "EPCI:200054781" }
        ]) { ... on Club { nom region { code } } ... on Region { code club { id } } ... on Collectivite { clubs { id } } } }`,
      { id: id.toUpperCase() },
    );
    expect(entities.errors).toBeUndefined();
    expect(entities.data?._entities).toEqual([
      { nom: "Club des collectivités pour l'ESS en Île-de-France", region: { code: 'IDF' } },
      { code: 'IDF', club: { id } },
      { clubs: [{ id }] },
    ]);

    // And modifierClub now edits it.
    const modifie = await post<{ modifierClub: Club }>(
      url,
      'mutation($id: ID!) { modifierClub(id: $id, input: { nombreParticipants: 41 }) { nombreParticipants } }',
      { id },
      ADMIN,
    );
    expect(modifie.errors).toBeUndefined();
    expect(modifie.data?.modifierClub).toEqual({ nombreParticipants: 41 });
  });

  it('lets an editor of the région create its club with only a région and a name; lists left out are empty', async () => {
    const { data, errors } = await creer({ region: 'ges', nom: "Club des collectivités pour l'ESS en Grand Est" }, editeur('GES'));
    expect(errors).toBeUndefined();
    expect(data?.creerClub).toEqual({
      id: clubIdOfRegion('GES'),
      nom: "Club des collectivités pour l'ESS en Grand Est",
      region: { code: 'GES' },
    });
    expect(await snapshot(clubIdOfRegion('GES'))).toMatchObject({
      description: null,
      nombreParticipants: null,
      exemplesThemes: [],
      thematiques: [],
      animateurs: [],
      partenaires: [],
      contacts: [],
      collectivitesMembres: [],
    });
  });

  it.each<[string, TestCaller, string]>([
    ['an anonymous caller', null, 'UNAUTHENTICATED'],
    ['an adherent', adherent('COMMUNE:14118'), 'FORBIDDEN'],
    ['an editor of another région', editeur('BRE'), 'FORBIDDEN'],
    ['an editor of several other régions', editeur('ARA', 'BRE', 'IDF'), 'FORBIDDEN'],
  ])('refuses %s with its code and writes nothing', async (_who, caller, code) => {
    const before = await counts();
    const { data, errors } = await creer(
      { region: 'NOR', nom: 'Club normand', contacts: [{ nom: 'A' }], collectiviteIds: ['COMMUNE:14118'] },
      caller,
    );
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe(code);
    expect(await snapshot(clubIdOfRegion('NOR'))).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it.each<[string, TestCaller]>([
    ['an admin', ADMIN],
    ['an editor of the région', editeur('ARA')],
  ])('refuses %s a second club for a région with CONFLICT and changes nothing', async (_who, caller) => {
    const before = await snapshot(ARA);
    const rows = await counts();
    const { data, errors } = await creer(
      { region: 'ARA', nom: 'Un second club AURA', contacts: [{ nom: 'Intrus' }], partenaireIds: [org('rtes')] },
      caller,
    );
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', region: 'ARA', id: ARA });
    expect(errors?.[0]?.message).not.toMatch(/duplicate|violates|constraint|unique/i);
    expect(await snapshot(ARA)).toEqual(before);
    expect(await counts()).toEqual(rows);
  });

  it('lets exactly one of two concurrent creations of the same club succeed; the other gets CONFLICT', async () => {
    const id = clubIdOfRegion('BFC');
    const before = await counts();
    const input = (n: number) => ({
      region: 'BFC',
      nom: `Club de Bourgogne-Franche-Comté n°${n}`,
      contacts: [{ nom: `Contact ${n}` }],
      collectiviteIds: [`COMMUNE:2123${n}`],
      animateurIds: [org('rtes')],
    });
    const answers = await Promise.all([creer(input(1)), creer(input(2), editeur('BFC'))]);
    const codes = answers.map((a) => (a.errors?.length ? a.errors[0]!.extensions?.code : 'OK')).sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const winner = dataOf(answers.find((a) => !a.errors)!).creerClub;
    const n = winner.nom.endsWith('1') ? 1 : 2;
    const club = await snapshot(id);
    expect(club).toMatchObject({
      nom: `Club de Bourgogne-Franche-Comté n°${n}`,
      contacts: [{ nom: `Contact ${n}` }],
      collectivitesMembres: [{ id: `COMMUNE:2123${n}` }],
    });
    // One club, with the winner's rows only.
    expect(await counts()).toEqual({
      clubs: String(Number(before.clubs) + 1),
      roles: String(Number(before.roles) + 1),
      contacts: String(Number(before.contacts) + 1),
      membres: String(Number(before.membres) + 1),
    });
  });

  it('answers CONFLICT when a concurrent creation commits after this one checked (the primary key decides)', async () => {
    // Another transaction has inserted the club but not committed: the request's check sees no club,
    // its insert waits on the key, then fails once the other commits.
    const id = clubIdOfRegion('LRE');
    const before = await counts();
    const other = national.dataSource.createQueryRunner();
    await other.connect();
    try {
      await other.startTransaction();
      await other.query('INSERT INTO club (id, region_code, nom) VALUES ($1, $2, $3)', [id, 'LRE', 'Club réunionnais déjà en cours']);
      const pending = creer({ region: 'LRE', nom: 'Club réunionnais concurrent', contacts: [{ nom: 'Perdant' }] });
      const blocked = async () =>
        Number(
          (
            await national.dataSource.query<{ n: string }[]>(
              `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
            )
          )[0]!.n,
        );
      for (let i = 0; i < 200 && (await blocked()) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(await blocked()).toBe(1);
      await other.commitTransaction();
      const { data, errors } = await pending;
      expect(data).toBeNull();
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', region: 'LRE', id });
      expect(errors?.[0]?.message).not.toMatch(/duplicate|violates|constraint|unique/i);
    } finally {
      if (other.isTransactionActive) await other.rollbackTransaction();
      await other.release();
    }
    expect(await snapshot(id)).toMatchObject({ nom: 'Club réunionnais déjà en cours', contacts: [] });
    expect(await counts()).toEqual({ ...before, clubs: String(Number(before.clubs) + 1) });
  });

  it("on a regional instance, creates its own région's club and refuses the others with OUT_OF_REGION", async () => {
    const before = await counts();
    for (const caller of [ADMIN, editeur('COR')]) {
      const refused = await creer({ region: 'COR', nom: 'Club corse' }, caller, auraUrl);
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'OUT_OF_REGION', region: 'COR', scope: 'ARA' });
    }
    // Its own région's existing club is still a CONFLICT there.
    expect((await creer({ region: 'ARA', nom: 'Club AURA bis' }, editeur('ARA'), auraUrl)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await snapshot(clubIdOfRegion('COR'))).toBeNull();
    expect(await counts()).toEqual(before);

    // The Centre-Val de Loire instance creates its own club (with national organisations only)…
    const foreign = await creer({ region: 'CVL', nom: 'Club CVL', partenaireIds: [org('cress-bre')] }, editeur('CVL'), centreUrl);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);
    const own = await creer(
      { region: 'CVL', nom: "Club des collectivités pour l'ESS en Centre-Val de Loire", partenaireIds: [org('rtes')] },
      editeur('CVL'),
      centreUrl,
    );
    expect(own.errors).toBeUndefined();
    const seen = dataOf(await post<{ clubs: Club[] }>(centreUrl, '{ clubs { id region { code } partenaires { sigle } } }'));
    expect(seen.clubs).toEqual([{ id: clubIdOfRegion('CVL'), region: { code: 'CVL' }, partenaires: [{ sigle: 'RTES' }] }]);
  });

  it.each([
    ['an unknown région', { region: 'XYZ' }, 'region'],
    ['an empty région', { region: '' }, 'region'],
    ['a blank nom', { nom: '   ' }, 'nom'],
    ['a nom too long', { nom: 'x'.repeat(201) }, 'nom'],
    ['a negative figure', { nombreParticipants: -3 }, 'nombreParticipants'],
    ['a web address that is none', { siteWeb: 'javascript:alert(1)' }, 'siteWeb'],
    ['a malformed contact email', { contacts: [{ nom: 'A', email: 'a-at-b.org' }] }, 'contacts[0].email'],
    ['a null list', { collectiviteIds: null }, 'collectiviteIds'],
    ['a malformed organisation id', { animateurIds: ['RTES'] }, 'animateurIds[0]'],
    ['an organisation both animatrice and partenaire', { animateurIds: [org('rtes')], partenaireIds: [org('rtes')] }, 'partenaireIds'],
    ['a malformed collectivité id', { collectiviteIds: ["COMMUNE:1'; DROP TABLE club; --"] }, 'collectiviteIds[0]'],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_what, input, champ) => {
    const before = await counts();
    const { data, errors } = await creer({ region: 'MTQ', nom: 'Club de Martinique', ...input });
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', champ });
    expect(errors?.[0]?.message).toContain(champ);
    expect(await snapshot(clubIdOfRegion('MTQ'))).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it('refuses an input without région or nom (schema) with BAD_USER_INPUT', async () => {
    for (const input of [{ nom: 'Club sans région' }, { region: 'MTQ' }]) {
      const { errors } = await creer(input);
      expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await snapshot(clubIdOfRegion('MTQ'))).toBeNull();
  });

  it.each([
    ['an unknown organisation', { partenaireIds: ['00000000-0000-4000-8000-000000000000'] }],
    ['an unknown contact organisation', { contacts: [{ nom: 'A', organisationId: '00000000-0000-4000-8000-000000000001' }] }],
  ])('refuses %s with NOT_FOUND and rolls back the club row already inserted', async (_what, input) => {
    const before = await counts();
    const { data, errors } = await creer({ region: 'MTQ', nom: 'Club de Martinique', collectiviteIds: ['COMMUNE:97209'], ...input });
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await snapshot(clubIdOfRegion('MTQ'))).toBeNull();
    expect(await counts()).toEqual(before);
  });
});
