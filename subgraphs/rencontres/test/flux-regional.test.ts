import { randomUUID } from 'node:crypto';
import { CLUB_BRE, creer, dataOf, inDays, startTestServer, type TestServer } from './helpers';
import { waitUntil, connect, type SocketConnection, send } from './flux';

/**
 * A regional site subscribes to its own instance (FEDERESS_REGION=ARA) on the same database as the
 * national one: it receives ARA changes and national ones (as its queries list them), never BRE.
 */

const LIVE = `subscription($apres: ID, $filtre: RencontresEnDirectFiltre) {
  rencontresEnDirect(apres: $apres, filtre: $filtre) { id type rencontreId rencontre { id titre } }
}`;
const MODIFIER = `mutation($id: ID!, $titre: String!) { modifierRencontre(id: $id, input: { titre: $titre }) { id } }`;

describe('subgraph rencontres: the live feed of a regional instance', () => {
  let national: TestServer;
  let ara: TestServer;
  const connexions: SocketConnection[] = [];
  beforeAll(async () => {
    national = await startTestServer('rencontres_flux_regional', { seed: false });
    ara = await startTestServer('rencontres_flux_regional', { seed: false, region: 'ARA' });
  });
  afterAll(async () => {
    for (const c of connexions) await c.client.dispose();
    await ara?.stop();
    await national?.stop();
  });

  it('streams ARA and national changes, and nothing of BRE; a regions filter keeps to its régions', async () => {
    const rtes = randomUUID();
    await national.server.dataSource.query(
      `INSERT INTO rencontre (id, titre, type, format, debut, fin) VALUES ($1, 'Webinaire national du RTES', 'WEBINAIRE', 'DISTANCIEL', $2, $3)`,
      [rtes, inDays(20, 9), inDays(20, 10)],
    );
    await national.server.dataSource.query(
      `INSERT INTO session_rencontre (id, rencontre_id, ordre, debut, fin, lien_en_ligne) VALUES ($1, $2, 1, $3, $4, 'https://visio.example.org/rtes')`,
      [randomUUID(), rtes, inDays(20, 9), inDays(20, 10)],
    );
    const connexion = await connect(ara);
    connexions.push(connexion);
    // Subscribing after the head of the connection_ack: nothing committed from then on is missed.
    const tout = send(connexion.client, LIVE, { apres: connexion.head });
    const araSeul = send(connexion.client, LIVE, { apres: connexion.head, filtre: { regions: ['ARA'] } });

    // Written through the national instance, in this order; the ARA change comes last, so once it
    // has arrived every earlier event has been decided on.
    const bre = await creer(national, { clubId: CLUB_BRE, lieu: { nom: 'Mairie', communeId: 'COMMUNE:35238' } });
    dataOf(await national.gql(MODIFIER, { id: rtes, titre: 'Webinaire national du RTES (nouvelle formule)' }));
    const araRencontre = await creer(national);

    /** The events a subscription received, in order. */
    const recu = (r: typeof tout) => r.results.flatMap((e) => (e.data ? [e.data.rencontresEnDirect] : []));
    await waitUntil(() => recu(tout).some((e) => e.rencontreId === araRencontre.id), 5000, "l'événement ARA");
    await waitUntil(() => recu(araSeul).some((e) => e.rencontreId === araRencontre.id), 5000, "l'événement ARA (filtré)");
    expect(recu(tout).map((e) => [e.type, e.rencontreId])).toEqual([
      ['MODIFIEE', rtes],
      ['CREEE', araRencontre.id],
    ]);
    expect(recu(tout)[0]?.rencontre).toEqual({ id: rtes, titre: 'Webinaire national du RTES (nouvelle formule)' });
    expect(recu(araSeul).map((e) => e.rencontreId)).toEqual([araRencontre.id]);
    expect([...recu(tout), ...recu(araSeul)].some((e) => e.rencontreId === bre.id)).toBe(false);
    expect(tout.errors ?? araSeul.errors).toBeUndefined();
  });

  it('answers a subscription to BRE alone with nothing at all', async () => {
    const connexion = await connect(ara);
    connexions.push(connexion);
    const breSeul = send(connexion.client, LIVE, { apres: connexion.head, filtre: { regions: ['BRE'] } });
    const controle = send(connexion.client, LIVE, { apres: connexion.head });
    await creer(national, { clubId: CLUB_BRE, lieu: { nom: 'Mairie', communeId: 'COMMUNE:35238' } });
    const araRencontre = await creer(national);
    await waitUntil(
      () => controle.results.some((e) => e.data?.rencontresEnDirect?.rencontreId === araRencontre.id),
      5000,
      "l'événement ARA",
    );
    expect(breSeul.results).toEqual([]);
    expect(breSeul.errors).toBeUndefined();
  });
});
