import { readSubgraphSettings } from '@federess/config';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import type { SubgraphServer } from '@federess/subgraph-kit';
import { clubIdOfRegion } from '@federess/vocabulaire';
import { createServer } from '../src/server';
import { ADMIN, adherent, editeur, type TestCaller, post } from '@federess/auth/testing';
import { dataOf } from '@federess/server-kit/testing';
import type { Club } from './graph';

/** Who may modify or create a club, directly on the clubs subgraph: each role, each région. */
const ROLES: Record<string, TestCaller> = {
  anonyme: null,
  adherent: adherent('COMMUNE:69123'),
  editeurARA: editeur('ARA'),
  editeurBRE: editeur('BRE'),
  // An editor of a région that has no club yet (the seed has clubs for seven régions, not IDF).
  editeurIDF: editeur('IDF'),
  admin: ADMIN,
};
const MODIFIER = `mutation($id: ID!, $nom: String!) { modifierClub(id: $id, input: { nom: $nom }) { id nom } }`;
const CREER = `mutation($region: String!, $nom: String!) { creerClub(input: { region: $region, nom: $nom, contacts: [{ nom: "Contact" }] }) { id nom } }`;
const NOM = 'query($id: ID!) { club(id: $id) { nom } }';

describe('authorisation on the clubs subgraph', () => {
  let server: SubgraphServer;
  let url: string;
  beforeAll(async () => {
    server = await createServer({ ...readSubgraphSettings('clubs', {}), databaseUrl: testDatabaseUrl('clubs_autorisations') });
    url = await server.listen(0);
  });
  afterAll(async () => {
    await server?.stop();
  });

  // creerClubARA: ARA already has its club, so a caller allowed to create it gets CONFLICT (rights are checked first).
  const attendu = {
    modifierClubARA: {
      anonyme: 'UNAUTHENTICATED',
      adherent: 'FORBIDDEN',
      editeurARA: 'OK',
      editeurBRE: 'FORBIDDEN',
      editeurIDF: 'FORBIDDEN',
      admin: 'OK',
    },
    modifierClubBRE: {
      anonyme: 'UNAUTHENTICATED',
      adherent: 'FORBIDDEN',
      editeurARA: 'FORBIDDEN',
      editeurBRE: 'OK',
      editeurIDF: 'FORBIDDEN',
      admin: 'OK',
    },
    creerClubARA: {
      anonyme: 'UNAUTHENTICATED',
      adherent: 'FORBIDDEN',
      editeurARA: 'CONFLICT',
      editeurBRE: 'FORBIDDEN',
      editeurIDF: 'FORBIDDEN',
      admin: 'CONFLICT',
    },
    creerClubIDF: {
      anonyme: 'UNAUTHENTICATED',
      adherent: 'FORBIDDEN',
      editeurARA: 'FORBIDDEN',
      editeurBRE: 'FORBIDDEN',
      editeurIDF: 'OK',
      admin: 'OK',
    },
  } as const;
  type Colonne = keyof typeof attendu;
  type Qualite = keyof (typeof attendu)[Colonne];

  it.each(Object.keys(ROLES))('%s', async (role) => {
    const code = (r: Awaited<ReturnType<typeof post>>) => (r.errors?.length ? r.errors[0]!.extensions?.code : 'OK');
    const modifier = async (region: string) =>
      code(await post(url, MODIFIER, { id: clubIdOfRegion(region), nom: `Club modifié par ${role}` }, ROLES[role]));
    const creer = async (region: string) => {
      const verdict = code(await post(url, CREER, { region, nom: `Club créé par ${role}` }, ROLES[role]));
      // Each verdict starts from the seed: a club created here is removed (its rows go with it).
      if (verdict === 'OK') await server.dataSource.query('DELETE FROM club WHERE id = $1', [clubIdOfRegion(region)]);
      return verdict;
    };
    const got = {
      modifierClubARA: await modifier('ARA'),
      modifierClubBRE: await modifier('BRE'),
      creerClubARA: await creer('ARA'),
      creerClubIDF: await creer('IDF'),
    };
    const expected = Object.fromEntries(Object.entries(attendu).map(([colonne, verdicts]) => [colonne, verdicts[role as Qualite]]));
    expect(got).toEqual(expected);
  });

  /** The name of a région's club, or null when it has none. */
  const nameOf = async (region: string) =>
    dataOf(await post<{ club: Club | null }>(url, NOM, { id: clubIdOfRegion(region) })).club?.nom ?? null;

  it('leaves a club untouched when refused', async () => {
    const before = await nameOf('BRE');
    await post(url, MODIFIER, { id: clubIdOfRegion('BRE'), nom: 'Pris par AURA' }, editeur('ARA'));
    expect(await nameOf('BRE')).toBe(before);
  });

  it('writes no club when a creation is refused', async () => {
    const rows = async () =>
      (
        await server.dataSource.query<unknown[]>('SELECT (SELECT count(*) FROM club) AS clubs, (SELECT count(*) FROM contact) AS contacts')
      )[0];
    const before = await rows();
    for (const caller of [null, adherent('COMMUNE:75056'), editeur('ARA')])
      await post(url, CREER, { region: 'IDF', nom: 'Pris par un autre' }, caller);
    const ara = await nameOf('ARA');
    await post(url, CREER, { region: 'ARA', nom: 'Un second club AURA' }, ADMIN);
    expect(await nameOf('IDF')).toBeNull();
    expect(await nameOf('ARA')).toBe(ara);
    expect(await rows()).toEqual(before);
  });
});
