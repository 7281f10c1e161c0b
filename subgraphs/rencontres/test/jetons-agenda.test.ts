import { FEED_TOKEN_HEADER, GATEWAY_HEADER } from '@federess/auth';
import { DEVELOPMENT_GATEWAY_SECRET } from '@federess/config';
import { ADMIN, adherent, editeur, authHeaders, type TestCaller } from '@federess/auth/testing';
import { codeOf, creer, dataOf, type GraphQLBody, INSCRIRE, personne, startTestServer, type TestServer } from './helpers';
import type { Data } from './graph';

const CREER_JETON = `mutation($libelle: String) { creerJetonAgenda(libelle: $libelle) { jeton chemin jetonAgenda { id libelle creeLe revoqueLe } } }`;
const REVOQUER = `mutation($id: ID!) { revoquerJetonAgenda(id: $id) { id revoqueLe } }`;
const MES_JETONS = `{ jetonsAgenda { id libelle revoqueLe } }`;
const LIEN = `query($id: ID!) { rencontre(id: $id) { sessions { lienEnLigne } } }`;

const LYON = adherent('COMMUNE:69123');

const lienDe = (body: GraphQLBody<Data>): string | null | undefined => dataOf(body).rencontre.sessions[0]?.lienEnLigne;
const idDe = async (promise: Promise<{ id: string }>): Promise<string> => (await promise).id;

describe('private calendar feed tokens', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('rencontres_jetons_agenda', { seed: false });
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** A request as the gateway relays a private feed's: the gateway secret and the feed token, no bearer token. */
  async function commeFlux(query: string, variables: Record<string, unknown>, jeton: string, extra: Record<string, string> = {}) {
    const response = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [GATEWAY_HEADER]: DEVELOPMENT_GATEWAY_SECRET, [FEED_TOKEN_HEADER]: jeton, ...extra },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLBody<Data> };
  }

  const creerJeton = async (qui: TestCaller, libelle?: string) => dataOf(await t.gql(CREER_JETON, { libelle }, qui)).creerJetonAgenda;
  const mesJetons = async (qui: TestCaller) => dataOf(await t.gql(MES_JETONS, {}, qui)).jetonsAgenda;

  it('gives a random token once, stores only its digest, and reads with its owner’s rights', async () => {
    const enLigne = await idDe(creer(t, { format: 'HYBRIDE', lienEnLigne: 'https://visio.example.org/jetons' }));
    const autre = await idDe(creer(t, { format: 'HYBRIDE', lienEnLigne: 'https://visio.example.org/autre' }));
    dataOf(await t.gql(INSCRIRE, { id: enLigne, input: personne(1) }));

    const cree = await creerJeton(LYON, '  Outlook du bureau ');
    expect(cree.jeton).toMatch(/^agenda_[A-Za-z0-9_-]{43}$/);
    expect(cree.chemin).toBe(`/agenda.ics?jeton=${cree.jeton}`);
    expect(cree.jetonAgenda).toMatchObject({ libelle: 'Outlook du bureau', revoqueLe: null });
    const [stored] = await t.server.dataSource.query<unknown[]>('SELECT * FROM jeton_agenda WHERE id = $1', [cree.jetonAgenda.id]);
    expect(JSON.stringify(stored)).not.toContain(cree.jeton);
    expect(stored).toMatchObject({ role: 'ADHERENT', collectivite: 'COMMUNE:69123', sujet: LYON.sub });

    // The online link of the rencontre its collectivité is registered to, and of no other.
    const vu = await commeFlux(LIEN, { id: enLigne }, cree.jeton);
    expect(vu.status).toBe(200);
    expect(lienDe(vu.body)).toBe('https://visio.example.org/jetons');
    expect(lienDe((await commeFlux(LIEN, { id: autre }, cree.jeton)).body)).toBeNull();

    expect((await mesJetons(LYON)).map((j) => j.id)).toEqual([cree.jetonAgenda.id]);
    expect(await mesJetons(adherent('COMMUNE:63113'))).toEqual([]);
  });

  it('reads only: every write made with a feed token is refused', async () => {
    const { jeton } = await creerJeton(editeur('ARA'));
    const r = await idDe(creer(t));
    const refus = await commeFlux(INSCRIRE, { id: r, input: personne(2) }, jeton);
    expect(codeOf(refus.body)).toBe('FORBIDDEN');
    expect(codeOf((await commeFlux(CREER_JETON, {}, jeton)).body)).toBe('FORBIDDEN');
    const rows = await t.server.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM inscription WHERE rencontre_id = $1', [
      r,
    ]);
    expect(rows[0]?.n).toBe(0);
  });

  it('answers 401 with no data for a revoked, unknown or malformed token, one not relayed by the gateway, or one beside a bearer token', async () => {
    const r = await idDe(creer(t, { format: 'HYBRIDE', lienEnLigne: 'https://visio.example.org/revoque' }));
    const cree = await creerJeton(ADMIN);
    expect(lienDe((await commeFlux(LIEN, { id: r }, cree.jeton)).body)).toBe('https://visio.example.org/revoque');
    expect(codeOf(await t.gql(REVOQUER, { id: cree.jetonAgenda.id }, LYON))).toBe('FORBIDDEN');
    const revoque = dataOf(await t.gql(REVOQUER, { id: cree.jetonAgenda.id }, ADMIN));
    expect(revoque.revoquerJetonAgenda.revoqueLe).toEqual(expect.any(String));
    expect(codeOf(await t.gql(REVOQUER, { id: cree.jetonAgenda.id }, ADMIN))).toBe('CONFLICT');

    const valide = (await creerJeton(LYON)).jeton;
    const refus = [
      await commeFlux(LIEN, { id: r }, cree.jeton),
      await commeFlux(LIEN, { id: r }, `agenda_${'A'.repeat(43)}`),
      await commeFlux(LIEN, { id: r }, 'pas-un-jeton'),
      await commeFlux(LIEN, { id: r }, valide, { [GATEWAY_HEADER]: 'faux' }),
      await commeFlux(LIEN, { id: r }, valide, await authHeaders(LYON)),
    ];
    const sansPasserelle = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [FEED_TOKEN_HEADER]: valide },
      body: JSON.stringify({ query: LIEN, variables: { id: r } }),
    });
    refus.push({ status: sansPasserelle.status, body: (await sansPasserelle.json()) as GraphQLBody<Data> });
    for (const { status, body } of refus) {
      expect(status).toBe(401);
      expect(body.data ?? null).toBeNull();
      expect(codeOf(body)).toBe('UNAUTHENTICATED');
    }
  });

  it('needs a signed-in caller, bounds the label and the number of active tokens', async () => {
    expect(codeOf(await t.gql(CREER_JETON, {}, null))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(CREER_JETON, { libelle: 'x'.repeat(101) }, LYON))).toBe('BAD_USER_INPUT');
    const qui = adherent('COMMUNE:13055');
    for (let i = 0; i < 20; i++) await creerJeton(qui);
    expect(codeOf(await t.gql(CREER_JETON, {}, qui))).toBe('CONFLICT');
    expect(codeOf(await t.gql(REVOQUER, { id: 'pas-un-uuid' }, qui))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(REVOQUER, { id: '00000000-0000-4000-8000-000000000000' }, qui))).toBe('NOT_FOUND');
  });
});
