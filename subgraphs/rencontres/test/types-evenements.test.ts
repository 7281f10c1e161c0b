import { CLUB_ARA, INSCRIRE, creer, dataOf, inDays, personne, startTestServer, type TestServer } from './helpers';

/**
 * Which event each change writes to the outbox: exactly one row per change, and fullness and the
 * opening of registration told from places and dates, whatever the status of the rencontre.
 */

const MODIFIER = `mutation($id: ID!, $input: ModifierRencontreInput!) { modifierRencontre(id: $id, input: $input) { id statut revision } }`;
const DESINSCRIRE = `mutation($id: ID!) { desinscrire(inscriptionId: $id) { id rencontre { statut revision placesRestantes } } }`;
const ETAT = `query($id: ID!) { rencontre(id: $id) { statut revision placesRestantes } }`;

describe('subgraph rencontres: the event type of each change', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('rencontres_types_evenements', { seed: false });
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** The outbox rows of a rencontre, in order: their types. */
  const types = async (id: string): Promise<string[]> =>
    (await t.server.dataSource.query<{ type: string }[]>('SELECT type FROM evenement WHERE entite_id = $1 ORDER BY id', [id])).map(
      (e) => e.type,
    );
  const modifier = async (id: string, input: Record<string, unknown>) => dataOf(await t.gql(MODIFIER, { id, input })).modifierRencontre;
  const inscrire = async (id: string, n: number) => dataOf(await t.gql(INSCRIRE, { id, input: personne(n) })).inscrire;
  const etat = async (id: string) => dataOf(await t.gql(ETAT, { id })).rencontre;

  it('a REPORTEE rencontre fills (COMPLETE) and reopens (INSCRIPTIONS_ROUVERTES), and stays REPORTEE', async () => {
    const r = await creer(t, { capacite: 2 });
    expect(await modifier(r.id, { debut: inDays(40, 8), fin: inDays(40, 11) })).toMatchObject({ statut: 'REPORTEE', revision: 2 });
    await inscrire(r.id, 1);
    const derniere = await inscrire(r.id, 2);
    expect(derniere.rencontre).toMatchObject({ statut: 'REPORTEE', placesRestantes: 0 });
    expect(await etat(r.id)).toMatchObject({ revision: 3 });
    const liberee = dataOf(await t.gql(DESINSCRIRE, { id: derniere.id })).desinscrire;
    expect(liberee.rencontre).toEqual({ statut: 'REPORTEE', revision: 4, placesRestantes: 1 });
    expect(await types(r.id)).toEqual(['CREEE', 'REPORTEE', 'INSCRIPTION_ENREGISTREE', 'COMPLETE', 'INSCRIPTIONS_ROUVERTES']);
  });

  it('a DEPLACEE_EN_LIGNE rencontre fills and reopens by a change of capacity', async () => {
    const r = await creer(t, { format: 'HYBRIDE', lienEnLigne: 'https://visio.example.org/club', capacite: 5 });
    expect(await modifier(r.id, { format: 'DISTANCIEL' })).toMatchObject({ statut: 'DEPLACEE_EN_LIGNE' });
    await inscrire(r.id, 1);
    expect(await modifier(r.id, { capacite: 1 })).toMatchObject({ statut: 'DEPLACEE_EN_LIGNE' });
    expect(await modifier(r.id, { capacite: 3 })).toMatchObject({ statut: 'DEPLACEE_EN_LIGNE' });
    expect(await types(r.id)).toEqual(['CREEE', 'DEPLACEE_EN_LIGNE', 'INSCRIPTION_ENREGISTREE', 'COMPLETE', 'INSCRIPTIONS_ROUVERTES']);
  });

  it('a PROGRAMMEE rencontre still turns COMPLETE and back, and a rencontre moved back from online that is full is COMPLETE', async () => {
    const r = await creer(t, { format: 'HYBRIDE', lienEnLigne: 'https://visio.example.org/club', capacite: 3 });
    await inscrire(r.id, 1);
    expect(await modifier(r.id, { capacite: 1 })).toMatchObject({ statut: 'COMPLETE', revision: 2 });
    expect(await modifier(r.id, { capacite: null })).toMatchObject({ statut: 'PROGRAMMEE', revision: 3 });
    expect(await modifier(r.id, { format: 'DISTANCIEL', capacite: 1 })).toMatchObject({ statut: 'DEPLACEE_EN_LIGNE' });
    expect(await modifier(r.id, { format: 'HYBRIDE' })).toMatchObject({ statut: 'COMPLETE' });
    expect(await types(r.id)).toEqual([
      'CREEE',
      'INSCRIPTION_ENREGISTREE',
      'COMPLETE',
      'INSCRIPTIONS_ROUVERTES',
      'DEPLACEE_EN_LIGNE',
      'MODIFIEE',
    ]);
  });

  it('moving the registration deadline into the past closes registration (INSCRIPTIONS_FERMEES); moving it back reopens it', async () => {
    const r = await creer(t, { dateLimiteInscription: inDays(20) });
    const fermee = await modifier(r.id, { dateLimiteInscription: inDays(-1) });
    expect(fermee).toMatchObject({ statut: 'PROGRAMMEE', revision: 2 });
    expect(await modifier(r.id, { dateLimiteInscription: inDays(-2) })).toMatchObject({ revision: 2 });
    const rouverte = await modifier(r.id, { dateLimiteInscription: null });
    expect(rouverte).toMatchObject({ revision: 3 });
    expect(await modifier(r.id, { dateLimiteInscription: inDays(10) })).toMatchObject({ revision: 3 });
    expect(await types(r.id)).toEqual(['CREEE', 'INSCRIPTIONS_FERMEES', 'MODIFIEE', 'INSCRIPTIONS_ROUVERTES', 'MODIFIEE']);
  });

  it('freeing a place after the deadline reopens nothing: an INSCRIPTION_ANNULEE, not INSCRIPTIONS_ROUVERTES', async () => {
    const r = await creer(t, { capacite: 1 });
    const seule = await inscrire(r.id, 1);
    await modifier(r.id, { dateLimiteInscription: inDays(-1) });
    const liberee = dataOf(await t.gql(DESINSCRIRE, { id: seule.id })).desinscrire;
    expect(liberee.rencontre).toMatchObject({ statut: 'PROGRAMMEE', placesRestantes: 1 });
    expect(await types(r.id)).toEqual(['CREEE', 'COMPLETE', 'MODIFIEE', 'INSCRIPTION_ANNULEE']);
  });

  it('writes one event per change, in the transaction of the change: a refused change writes none', async () => {
    const r = await creer(t, { capacite: 3 });
    await inscrire(r.id, 1);
    await inscrire(r.id, 2);
    const avant = await types(r.id);
    // Refused (capacity under the registrations, deadline after the end): nothing written.
    expect((await t.gql(MODIFIER, { id: r.id, input: { capacite: 1 } })).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await t.gql(MODIFIER, { id: r.id, input: { dateLimiteInscription: inDays(60) } })).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(await types(r.id)).toEqual(avant);
    // Full and closed by one change: exactly one row, COMPLETE, the more telling.
    expect(await modifier(r.id, { capacite: 2, dateLimiteInscription: inDays(-1), titre: 'Complet et clos' })).toMatchObject({
      statut: 'COMPLETE',
    });
    expect(await types(r.id)).toEqual([...avant, 'COMPLETE']);
  });

  it('each event names what its change may alter: the rencontre, its club, the collectivités it is listed for, the agenda', async () => {
    const r = await creer(t, { clubId: CLUB_ARA });
    const inscription = (await inscrire(r.id, 1)) as { id: string };
    await modifier(r.id, { debut: inDays(50, 8), fin: inDays(50, 11) });
    const tags = await t.server.dataSource.query<{ type: string; entites: string[]; listes: string[] }[]>(
      'SELECT type, entites, listes FROM evenement WHERE entite_id = $1 ORDER BY id',
      [r.id],
    );
    expect(tags).toEqual([
      { type: 'CREEE', entites: [`Rencontre:${r.id}`, `Club:${CLUB_ARA}`], listes: ['Query.rencontres', 'Query.rencontre'] },
      {
        type: 'INSCRIPTION_ENREGISTREE',
        entites: [`Rencontre:${r.id}`, `Club:${CLUB_ARA}`, 'Collectivite:COMMUNE:69123', `Inscription:${inscription.id}`],
        listes: ['Query.rencontres'],
      },
      // Its new dates reorder the participations of every collectivité registered to it.
      { type: 'REPORTEE', entites: [`Rencontre:${r.id}`, `Club:${CLUB_ARA}`, 'Collectivite:COMMUNE:69123'], listes: ['Query.rencontres'] },
    ]);
  });
});
