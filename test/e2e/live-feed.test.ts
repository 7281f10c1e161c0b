import { expect } from '@jest/globals';
import { freePort } from '@federess/database';
import { entryOf, type ServiceProcess, waitHealthy } from '@federess/launcher';
import WebSocket from 'ws';
import { graphql, startTestHub, type TestHub } from './hub';
import { ADMIN, authHeaders, token } from '@federess/auth/testing';
import { collect, type LiveEvent, liveClient, watchedClient } from './live';
import { REFUSED_AT_COMMIT, refuseAtCommit } from './live-sql';

const LIVE = `subscription Live($filtre: RencontresEnDirectFiltre, $apres: ID) {
  rencontresEnDirect(filtre: $filtre, apres: $apres) {
    id type revision
    rencontre { id titre region { nom } club { nom } ressources { titre } }
  }
}`;

describe('live feeds through the gateway and on the subgraph', () => {
  let hub: TestHub;
  let clubs: Record<string, string>;
  const clients: ReturnType<typeof liveClient>[] = [];
  const client = (url: string) => {
    const c = liveClient(url);
    clients.push(c);
    return c;
  };

  const health = async (gatewayUrl = hub.gatewayUrl) =>
    (await (await fetch(gatewayUrl.replace('/graphql', '/health'))).json()) as Record<string, number>;
  /** Waits until the gateway holds `count` connected upstream subscriptions for `clients` clients. */
  const untilGatewayLive = async (upstreams: number, subscribed: number, gatewayUrl = hub.gatewayUrl) => {
    for (let i = 0; i < 200; i++) {
      const h = await health(gatewayUrl);
      if (h.connectedUpstreamSubscriptions === upstreams && h.subscribedClients === subscribed) return h;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`gateway not live: ${JSON.stringify(await health())}`);
  };

  const creation = async (region: string, titre: string) =>
    graphql(
      hub.gatewayUrl,
      'mutation($input: CreerRencontreInput!) { creerRencontre(input: $input) { id } }',
      {
        input: {
          clubId: clubs[region],
          titre,
          thematiques: ['SCIC'],
          format: 'DISTANCIEL',
          debut: '2027-03-04T09:30:00+01:00',
          fin: '2027-03-04T11:30:00+01:00',
          lienEnLigne: 'https://visio.example.org/federess',
        },
      },
      await authHeaders(ADMIN),
    );
  const creer = async (region: string, titre: string) => {
    const { body } = await creation(region, titre);
    expect(body.errors).toBeUndefined();
    return body.data!.creerRencontre.id;
  };
  const renommer = async (url: string, id: string, titre: string) => {
    const { body } = await graphql(
      url,
      'mutation($id: ID!, $titre: String!) { modifierRencontre(id: $id, input: { titre: $titre }) { revision } }',
      { id, titre },
      await authHeaders(ADMIN),
    );
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
      rencontre: {
        id,
        titre: 'Webinaire SCIC et collectivités bretonnes',
        region: { nom: 'Bretagne' },
        club: { nom: expect.stringMatching(/Bretagne/) },
        ressources: [],
      },
    });
    expect(feed.errors).toEqual([]);
  });

  it('filters: a BRE subscriber receives nothing for an ARA change', async () => {
    const feed = collect(client(hub.gatewayUrl), LIVE, { filtre: { regions: ['BRE'] } });
    await untilGatewayLive(1, 1);
    await creer('ARA', 'Rencontre du club AURA');
    const bre = await creer('BRE', 'Rencontre du club breton');
    const [first] = await feed.waitFor(1);
    expect(first!.rencontre!.id).toBe(bre);
    expect(feed.events).toHaveLength(1);
  });

  it('announces nothing for a change rolled back at COMMIT, after the change and its event were written', async () => {
    const db = await refuseAtCommit(hub.env.RENCONTRES_DATABASE_URL!);
    try {
      const feed = collect(client(hub.gatewayUrl), LIVE, { filtre: { regions: ['BRE'] } });
      await untilGatewayLive(1, 1);
      const [last] = await db.query<{ dernier: string }>('SELECT max(id)::text AS dernier FROM evenement');
      const before = last?.dernier;
      const refused = await creation('BRE', `Rencontre ${REFUSED_AT_COMMIT}`);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      const bre = await creer('BRE', 'Rencontre après le refus');
      const [first] = await feed.waitFor(1);
      expect(first).toMatchObject({ type: 'CREEE', rencontre: { id: bre, titre: 'Rencontre après le refus' } });
      expect(feed.events).toHaveLength(1);
      // No trace of the refused change: neither the rencontre nor its event row.
      expect(await db.query(`SELECT id FROM rencontre WHERE position('${REFUSED_AT_COMMIT}' in titre) > 0`)).toEqual([]);
      expect(await db.query(`SELECT entite_id FROM evenement WHERE id > ${before}`)).toEqual([{ entite_id: bre }]);
    } finally {
      await db.restore();
    }
  });

  it('resumes with apres: exactly the changes missed, in order, once each', async () => {
    const [a, b, c] = [await creer('BRE', 'Rencontre A'), await creer('BRE', 'Rencontre B'), await creer('BRE', 'Rencontre C')];
    const first = collect(client(hub.gatewayUrl), LIVE, { filtre: { regions: ['BRE'] } });
    await untilGatewayLive(1, 1);
    await renommer(hub.gatewayUrl, a, 'A modifiée avant la coupure');
    const [seen] = await first.waitFor(1);
    first.stop();
    await clients.splice(0)[0]!.dispose();

    // Three changes of three rencontres: each event can only be the one it stands for.
    await renommer(hub.gatewayUrl, a, 'A pendant la coupure');
    await renommer(hub.gatewayUrl, b, 'B pendant la coupure');
    await renommer(hub.gatewayUrl, c, 'C pendant la coupure');
    const expected = [
      { type: 'MODIFIEE', rencontre: expect.objectContaining({ id: a, titre: 'A pendant la coupure' }) },
      { type: 'MODIFIEE', rencontre: expect.objectContaining({ id: b, titre: 'B pendant la coupure' }) },
      { type: 'MODIFIEE', rencontre: expect.objectContaining({ id: c, titre: 'C pendant la coupure' }) },
    ];
    const resumed = collect(client(hub.gatewayUrl), LIVE, { filtre: { regions: ['BRE'] }, apres: seen!.id });
    const missed = await resumed.waitFor(3);
    expect(missed).toEqual(expected.map((e) => expect.objectContaining(e)));
    const ids = missed.map((e) => BigInt(e.id));
    expect(ids[0]! > BigInt(seen!.id) && ids[0]! < ids[1]! && ids[1]! < ids[2]!).toBe(true);

    // A second client resuming from the same point once the first one's replay is delivered gets the
    // whole replay too, from an upstream of its own (joining the first one's would miss it).
    const late = collect(client(hub.gatewayUrl), LIVE, { filtre: { regions: ['BRE'] }, apres: seen!.id });
    expect(await late.waitFor(3)).toEqual(expected.map((e) => expect.objectContaining(e)));
    expect((await health()).upstreamSubscriptions).toBe(2);

    // Then live, with nothing replayed twice.
    await renommer(hub.gatewayUrl, c, 'C en direct');
    const all = await resumed.waitFor(4);
    expect(all[3]!.rencontre).toMatchObject({ id: c, titre: 'C en direct' });
    expect(new Set(all.map((e) => e.id)).size).toBe(4);
    await late.waitFor(4);
    expect(resumed.events).toHaveLength(4);
    expect(late.events.map((e) => e.id)).toEqual(all.map((e) => e.id));
  });

  it('gives a client alias `id` to another field: the gateway keeps the event id under a key of its own', async () => {
    const feed = collect(
      client(hub.gatewayUrl),
      'subscription { rencontresEnDirect(filtre: { regions: ["BRE"] }) { id: type rencontre { id titre } } }',
    );
    await untilGatewayLive(1, 1);
    const id = await creer('BRE', 'Rencontre au champ renommé');
    const [event] = await feed.waitFor(1);
    expect(event).toEqual({ id: 'CREEE', rencontre: { id, titre: 'Rencontre au champ renommé' } });
    expect(feed.errors).toEqual([]);
  });

  it('refuses bad operations and bad resume points with protocol errors, not closed sockets', async () => {
    const { client: watched, ending } = watchedClient(hub.gatewayUrl);
    clients.push(watched);
    const unknown = collect(watched, 'subscription { rencontresEnDirect { nexistePas } }');
    await expect(unknown.waitFor(1, 3000)).rejects.toThrow(/GRAPHQL_VALIDATION_FAILED/);
    const badVariable = collect(watched, LIVE, { filtre: { regions: 42 } });
    await expect(badVariable.waitFor(1, 3000)).rejects.toThrow(/BAD_USER_INPUT/);
    const future = collect(watched, LIVE, { apres: '999999999' });
    await expect(future.waitFor(1, 5000)).rejects.toThrow(/BAD_USER_INPUT/);
    const unknownOperation = await new Promise<unknown>((resolve) =>
      watched.subscribe(
        { query: LIVE, operationName: 'Inconnue' },
        { next: () => undefined, error: resolve, complete: () => resolve(undefined) },
      ),
    );
    // As over HTTP: the operation named is not in the document.
    expect(JSON.stringify(unknownOperation)).toMatch(/OPERATION_RESOLUTION_FAILURE/);
    // The same socket still serves: none of these errors closed it.
    const feed = collect(watched, LIVE, { filtre: { regions: ['BRE'] } });
    await untilGatewayLive(1, 1);
    const id = await creer('BRE', 'Rencontre après les erreurs');
    expect((await feed.waitFor(1))[0]!.rencontre!.id).toBe(id);
    expect(ending.closes).toEqual([]);
  });

  it('closes with 4400 a socket that sends a malformed message', async () => {
    const socket = new WebSocket(hub.gatewayUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await new Promise((resolve) => socket.once('message', resolve));
    socket.send(JSON.stringify({ type: 'subscribe', id: 'sans-charge' }));
    expect(await closed).toBe(4400);
  });

  it('closes with 4403 a socket whose token expires, ending the protected feed', async () => {
    const shortLived = await token({ ...ADMIN, sub: 'test-admin-court', ttlSeconds: 2 });
    const { client: watched, ending } = watchedClient(hub.gatewayUrl, { authorization: `Bearer ${shortLived}` });
    clients.push(watched);
    const feed = collect(watched, LIVE, { filtre: { regions: ['BRE'] } });
    await untilGatewayLive(1, 1);
    await expect(feed.waitFor(1, 5000)).rejects.toThrow(/subscription failed/);
    expect(ending.closes.map((c) => c.code)).toEqual([4403]);
    await untilGatewayLive(0, 0);
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

  it('closes client sockets with 1001 at gateway shutdown, without completing their feeds, so that they resume', async () => {
    const port = await freePort();
    const secondUrl = `http://127.0.0.1:${port}/graphql`;
    const second = hub.startService('gateway-2', entryOf('@federess/gateway'), { ...hub.env, GATEWAY_PORT: String(port) });
    try {
      await waitHealthy(second, secondUrl.replace('/graphql', '/health'), 60_000);
      const { client: watched, ending } = watchedClient(secondUrl);
      clients.push(watched);
      const feed = collect(watched, LIVE, { filtre: { regions: ['BRE'] } });
      watched.subscribe(
        { query: LIVE, variables: { filtre: { regions: ['BRE'] } } },
        { next: () => undefined, error: () => undefined, complete: () => (ending.completed += 1) },
      );
      await untilGatewayLive(1, 2, secondUrl);
      await second.stop();
      await expect(feed.waitFor(1, 5000)).rejects.toThrow(/subscription failed/);
      expect(ending.closes.map((c) => c.code)).toEqual([1001]);
      expect(ending.completed).toBe(0);
    } finally {
      await second.stop();
    }
  });

  describe('with a second rencontres replica on the same database', () => {
    let replica: ServiceProcess;
    let replicaUrl: string;
    beforeAll(async () => {
      const port = await freePort();
      replicaUrl = `http://127.0.0.1:${port}/graphql`;
      replica = hub.startService('rencontres-2', entryOf('@federess/subgraph-rencontres'), {
        ...hub.env,
        RENCONTRES_PORT: String(port),
        FEDERESS_SEED: 'false',
      });
      await waitHealthy(replica, replicaUrl.replace('/graphql', '/health'), 60_000);
    });
    afterAll(async () => {
      await replica?.stop();
    });

    it('delivers to a subscriber of one replica a change made through the other', async () => {
      const onReplica = collect(client(replicaUrl), LIVE.replace(/region \{ nom \} club \{ nom \} ressources \{ titre \}/, ''), {
        filtre: { regions: ['PAC'] },
      });
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

      const port = new URL(hub.subgraphUrls.rencontres).port;
      await hub.services.rencontres.stop();
      // Written through the other replica while the gateway's upstream is down.
      await renommer(replicaUrl, id, 'Pendant la panne 1');
      await renommer(replicaUrl, id, 'Pendant la panne 2');
      const restarted = hub.startService('rencontres', entryOf('@federess/subgraph-rencontres'), {
        ...hub.env,
        RENCONTRES_PORT: port,
        FEDERESS_SEED: 'false',
      });
      try {
        await waitHealthy(restarted, `http://127.0.0.1:${port}/health`, 60_000);
        const events = await feed.waitFor(3, 20_000);
        const ids = events.map((e: LiveEvent) => BigInt(e.id));
        expect(ids[0]! < ids[1]! && ids[1]! < ids[2]!).toBe(true);
        // The two changes made during the outage are replayed after the restart, when the rencontre
        // already has its last title.
        expect(events.map((e) => [e.type, e.rencontre!.id, e.rencontre!.titre])).toEqual([
          ['MODIFIEE', id, 'Avant la panne'],
          ['MODIFIEE', id, 'Pendant la panne 2'],
          ['MODIFIEE', id, 'Pendant la panne 2'],
        ]);
        await new Promise((r) => setTimeout(r, 300));
        expect(feed.events).toHaveLength(3);
      } finally {
        await restarted.stop();
      }
    });
  });
});
