import { freePort } from '@federess/database';
import { entryOf, type RunningHub, type ServiceProcess, startService, waitHealthy } from '@federess/launcher';
import { graphql, startTestHub } from './hub';
import { ADMIN, entetes } from './jetons';
import { collect, type LiveEvent, liveClient } from './live';

const LIVE = `subscription Live($filtre: RencontresEnDirectFiltre, $apres: ID) {
  rencontresEnDirect(filtre: $filtre, apres: $apres) {
    id type revision
    rencontre { id titre region { nom } club { nom } ressources { titre } }
  }
}`;

describe('live feeds through the gateway and on the subgraph', () => {
  let hub: RunningHub;
  let clubs: Record<string, string>;
  const clients: ReturnType<typeof liveClient>[] = [];
  const client = (url: string) => {
    const c = liveClient(url);
    clients.push(c);
    return c;
  };

  const health = async () => (await (await fetch(hub.gatewayUrl.replace('/graphql', '/health'))).json()) as Record<string, number>;
  /** Waits until the gateway holds `count` connected upstream subscriptions for `clients` clients. */
  const untilGatewayLive = async (upstreams: number, subscribed: number) => {
    for (let i = 0; i < 200; i++) {
      const h = await health();
      if (h.connectedUpstreamSubscriptions === upstreams && h.subscribedClients === subscribed) return h;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`gateway not live: ${JSON.stringify(await health())}`);
  };

  const creer = async (region: string, titre: string) => {
    const { body } = await graphql(hub.gatewayUrl, 'mutation($input: CreerRencontreInput!) { creerRencontre(input: $input) { id } }', {
      input: {
        clubId: clubs[region],
        titre,
        thematiques: ['SCIC'],
        format: 'DISTANCIEL',
        debut: '2027-03-04T09:30:00+01:00',
        fin: '2027-03-04T11:30:00+01:00',
        lienEnLigne: 'https://visio.example.org/federess',
      },
    }, await entetes(ADMIN));
    expect(body.errors).toBeUndefined();
    return body.data!.creerRencontre.id as string;
  };
  const renommer = async (url: string, id: string, titre: string) => {
    const { body } = await graphql(url, 'mutation($id: ID!, $titre: String!) { modifierRencontre(id: $id, input: { titre: $titre }) { revision } }', { id, titre }, await entetes(ADMIN));
    expect(body.errors).toBeUndefined();
  };

  beforeAll(async () => {
    // 500 subscribers start from this one address at once: above the default per-address burst (400).
    hub = await startTestHub('live', { FEDERESS_RATE_LIMIT_IP_BURST: '2000' });
    const { body } = await graphql(hub.gatewayUrl, '{ clubs { id region { code } } }');
    clubs = Object.fromEntries(body.data!.clubs.map((c: { id: string; region: { code: string } }) => [c.region.code, c.id]));
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.dispose();
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('delivers a created rencontre with fields of clubs, collectivites and publications', async () => {
    const feed = collect(client(hub.gatewayUrl), LIVE, { filtre: { regions: ['BRE'] } });
    await untilGatewayLive(1, 1);
    const id = await creer('BRE', 'Webinaire SCIC et collectivités bretonnes');
    const [event] = await feed.waitFor(1);
    expect(event).toMatchObject({
      type: 'CREEE',
      rencontre: { id, titre: 'Webinaire SCIC et collectivités bretonnes', region: { nom: 'Bretagne' }, club: { nom: expect.stringMatching(/Bretagne/) }, ressources: [] },
    });
    expect(feed.errors).toEqual([]);
  });

  it('filters: a BRE subscriber receives nothing for an ARA change, and events of a rolled-back change never exist', async () => {
    const feed = collect(client(hub.gatewayUrl), LIVE, { filtre: { regions: ['BRE'] } });
    await untilGatewayLive(1, 1);
    await creer('ARA', 'Rencontre du club AURA');
    // A refused change (its transaction rolled back) announces nothing either.
    const refused = await graphql(hub.gatewayUrl, 'mutation { annulerRencontre(id: "00000000-0000-4000-8000-000000000000", motif: "test") { id } }', {}, await entetes(ADMIN));
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const bre = await creer('BRE', 'Rencontre du club breton');
    const [first] = await feed.waitFor(1);
    expect(first!.rencontre!.id).toBe(bre);
    expect(feed.events).toHaveLength(1);
  });

  it('resumes with apres: exactly the changes missed, in order, once each', async () => {
    const id = await creer('BRE', 'Rencontre à suivre');
    const first = collect(client(hub.gatewayUrl), LIVE, { filtre: { regions: ['BRE'] } });
    await untilGatewayLive(1, 1);
    await renommer(hub.gatewayUrl, id, 'Titre 1');
    const [seen] = await first.waitFor(1);
    first.stop();
    await clients.splice(0)[0]!.dispose();

    for (const titre of ['Titre 2', 'Titre 3', 'Titre 4']) await renommer(hub.gatewayUrl, id, titre);
    const resumed = collect(client(hub.gatewayUrl), LIVE, { filtre: { regions: ['BRE'] }, apres: seen!.id });
    const missed = await resumed.waitFor(3);
    // Each event shows the rencontre as it is when delivered: after the three changes.
    expect(missed.map((e) => e.rencontre!.titre)).toEqual(['Titre 4', 'Titre 4', 'Titre 4']);
    expect(missed.map((e) => e.type)).toEqual(['MODIFIEE', 'MODIFIEE', 'MODIFIEE']);
    const ids = missed.map((e) => BigInt(e.id));
    expect(ids[0]! > BigInt(seen!.id) && ids[0]! < ids[1]! && ids[1]! < ids[2]!).toBe(true);
    // Then live, with nothing replayed twice.
    await renommer(hub.gatewayUrl, id, 'Titre 5');
    const all = await resumed.waitFor(4);
    expect(all.map((e) => e.rencontre!.titre)).toEqual(['Titre 4', 'Titre 4', 'Titre 4', 'Titre 5']);
    expect(new Set(all.map((e) => e.id)).size).toBe(4);
  });

  it('refuses bad operations and bad resume points with protocol errors, not closed sockets', async () => {
    const unknown = collect(client(hub.gatewayUrl), 'subscription { rencontresEnDirect { nexistePas } }');
    await expect(unknown.waitFor(1, 3000)).rejects.toThrow(/GRAPHQL_VALIDATION_FAILED/);
    const badVariable = collect(client(hub.gatewayUrl), LIVE, { filtre: { regions: 42 } });
    await expect(badVariable.waitFor(1, 3000)).rejects.toThrow(/BAD_USER_INPUT/);
    const future = collect(client(hub.gatewayUrl), LIVE, { apres: '999999999' });
    await expect(future.waitFor(1, 5000)).rejects.toThrow(/BAD_USER_INPUT/);
  });

  it('serves 500 identical subscribers from one upstream subscription', async () => {
    const feeds = Array.from({ length: 500 }, () => {
      const c = liveClient(hub.gatewayUrl);
      clients.push(c);
      return collect(c, LIVE, { filtre: { regions: ['OCC'] } });
    });
    const h = await untilGatewayLive(1, 500);
    expect(h.upstreamSubscriptions).toBe(1);
    const id = await creer('OCC', 'Club Occitanie : tiers-lieux');
    const received = await Promise.all(feeds.map((f) => f.waitFor(1, 20_000)));
    for (const [event] of received) expect(event!.rencontre).toMatchObject({ id, club: { nom: expect.any(String) } });
    expect((await health()).upstreamSubscriptions).toBe(1);
  });

  describe('with a second rencontres replica on the same database', () => {
    let replica: ServiceProcess;
    let replicaUrl: string;
    beforeAll(async () => {
      const port = await freePort();
      replicaUrl = `http://127.0.0.1:${port}/graphql`;
      replica = startService('rencontres-2', entryOf('@federess/subgraph-rencontres'), { ...hub.env, RENCONTRES_PORT: String(port), FEDERESS_SEED: 'false' });
      await waitHealthy(replica, replicaUrl.replace('/graphql', '/health'), 60_000);
    });
    afterAll(async () => {
      await replica?.stop();
    });

    it('delivers to a subscriber of one replica a change made through the other', async () => {
      const onReplica = collect(client(replicaUrl), LIVE.replace(/region \{ nom \} club \{ nom \} ressources \{ titre \}/, ''), { filtre: { regions: ['PAC'] } });
      // The replica's own feed starts when its server has the subscription: probe until it does.
      let id = '';
      for (let attempt = 0; attempt < 20 && onReplica.events.length === 0; attempt++) {
        id = await creer('PAC', `Club PACA-Corse ${attempt}`);
        await onReplica.waitFor(1, 500).catch(() => undefined);
      }
      const [event] = await onReplica.waitFor(1);
      expect(event!.rencontre!.id).toBe(id);
    });

    it('resumes the gateway upstream after its subgraph dies, with no gap', async () => {
      const id = await creer('PDL', 'Club Pays de la Loire');
      const feed = collect(client(hub.gatewayUrl), LIVE, { filtre: { regions: ['PDL'] } });
      await untilGatewayLive(1, 1);
      await renommer(hub.gatewayUrl, id, 'Avant la panne');
      await feed.waitFor(1);

      const port = new URL(hub.subgraphUrls.rencontres!).port;
      await hub.services.rencontres!.stop();
      // Written through the other replica while the gateway's upstream is down.
      await renommer(replicaUrl, id, 'Pendant la panne 1');
      await renommer(replicaUrl, id, 'Pendant la panne 2');
      const restarted = startService('rencontres', entryOf('@federess/subgraph-rencontres'), { ...hub.env, RENCONTRES_PORT: port, FEDERESS_SEED: 'false' });
      try {
        await waitHealthy(restarted, `http://127.0.0.1:${port}/health`, 60_000);
        const events = await feed.waitFor(3, 20_000);
        expect(events.map((e: LiveEvent) => e.revision)).toEqual([...events.map((e) => e.revision)].sort((a, b) => a - b));
        expect(new Set(events.map((e) => e.id)).size).toBe(3);
        expect(events[2]!.rencontre!.titre).toBe('Pendant la panne 2');
      } finally {
        await restarted.stop();
      }
    });
  });
});
