import { readSubgraphSettings } from '@federess/config';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import type { SubgraphServer } from '@federess/subgraph-kit';
import { clubIdOfRegion } from '@federess/vocabulaire';
import { createServer } from '../src/server';
import { post } from './graphql';
import { ADMIN, adherent, editeur, type Qui } from './jetons';

/** Who may modify a club, directly on the clubs subgraph: each role, each région. */
const ROLES: Record<string, Qui> = {
  anonyme: null,
  adherent: adherent('COMMUNE:69123'),
  editeurARA: editeur('ARA'),
  editeurBRE: editeur('BRE'),
  admin: ADMIN,
};
const MODIFIER = `mutation($id: ID!, $nom: String!) { modifierClub(id: $id, input: { nom: $nom }) { id nom } }`;

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

  const attendu = {
    modifierClubARA: { anonyme: 'UNAUTHENTICATED', adherent: 'FORBIDDEN', editeurARA: 'OK', editeurBRE: 'FORBIDDEN', admin: 'OK' },
    modifierClubBRE: { anonyme: 'UNAUTHENTICATED', adherent: 'FORBIDDEN', editeurARA: 'FORBIDDEN', editeurBRE: 'OK', admin: 'OK' },
  } as const;

  it.each(Object.keys(ROLES))('%s', async (role) => {
    const verdict = async (region: string) => {
      const r = await post(url, MODIFIER, { id: clubIdOfRegion(region), nom: `Club modifié par ${role}` }, ROLES[role]);
      return r.errors?.length ? r.errors[0]!.extensions?.code : 'OK';
    };
    const got = { modifierClubARA: await verdict('ARA'), modifierClubBRE: await verdict('BRE') };
    expect(got).toEqual({ modifierClubARA: attendu.modifierClubARA[role as keyof typeof attendu.modifierClubARA], modifierClubBRE: attendu.modifierClubBRE[role as keyof typeof attendu.modifierClubBRE] });
  });

  it('leaves a club untouched when refused', async () => {
    const before = (await post(url, 'query($id: ID!) { club(id: $id) { nom } }', { id: clubIdOfRegion('BRE') })).data.club.nom;
    await post(url, MODIFIER, { id: clubIdOfRegion('BRE'), nom: 'Pris par AURA' }, editeur('ARA'));
    expect((await post(url, 'query($id: ID!) { club(id: $id) { nom } }', { id: clubIdOfRegion('BRE') })).data.club.nom).toBe(before);
  });
});
