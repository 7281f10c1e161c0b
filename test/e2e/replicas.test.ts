import * as net from 'node:net';
import { ADMIN, authHeaders } from '@federess/auth/testing';
import { childEnvironment, DEVELOPMENT_GATEWAY_SECRET, DEVELOPMENT_JWT_SECRET, SUBGRAPH_NAMES } from '@federess/config';
import { freePort } from '@federess/database';
import { entryOf, type ServiceProcess, startService, waitHealthy } from '@federess/launcher';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import { graphql } from './hub';
import { type Collector, collect, liveClient } from './live';
import { metricsUrlOf, Scrape } from './prometheus';
import { ServiceLogs } from './service-logs';

/**
 * Two of everything that takes traffic: two gateways and two rencontres subgraph processes on one
 * Postgres (clubs, publications and collectivités once), each gateway given both rencontres replicas
 * in RENCONTRES_URL. Changes reach the subscribers of the other gateway, a registration race across
 * both never overbooks, and a rencontres replica stopped in the middle of a live feed — gracefully,
 * then killed — loses no event: its subscribers resume on the other one.
 */

const FEED = `subscription Feed($filtre: RencontresEnDirectFiltre) { rencontresEnDirect(filtre: $filtre) { id type rencontre { id titre } } }`;

interface Replica {
  readonly name: string;
  readonly port: number;
  process: ServiceProcess;
}

describe('two replicas of the gateway and of the rencontres subgraph on one Postgres', () => {
  const logs = new ServiceLogs('replicas', [DEVELOPMENT_JWT_SECRET, DEVELOPMENT_GATEWAY_SECRET]);
  const started: ServiceProcess[] = [];
  const clients: ReturnType<typeof liveClient>[] = [];
  const env: Record<string, string> = {
    FEDERESS_SAMPLE_AGENDA: 'true',
    FEDERESS_RATE_LIMIT_IP_PER_SECOND: '0',
    FEDERESS_RATE_LIMIT_TOKEN_PER_SECOND: '0',
  };
  const rencontres: Replica[] = [];
  const gateways: { name: string; url: string }[] = [];
  let admin: Record<string, string>;
  let clubId: string;

  const start = (name: string, entry: string, own: Record<string, string> = {}) => {
    const service = startService(name, entryOf(entry), childEnvironment({ ...env, ...own }), { output: (line) => logs.output(name, line) });
    started.push(service);
    return service;
  };
  const startRencontres = async (replica: { name: string; port: number }, seed: boolean) => {
    const service = start(replica.name, '@federess/subgraph-rencontres', {
      RENCONTRES_PORT: String(replica.port),
      FEDERESS_SEED: String(seed),
    });
    await waitHealthy(service, `http://127.0.0.1:${replica.port}/health`, 120_000);
    return service;
  };

  beforeAll(async () => {
    for (const name of SUBGRAPH_NAMES) env[`${name.toUpperCase()}_DATABASE_URL`] = testDatabaseUrl(`replicas_${name}`);
    const names = ['clubs', 'publications', 'collectivites', 'rencontres-a', 'rencontres-b', 'gateway-a', 'gateway-b'] as const;
    const ports = {} as Record<(typeof names)[number], number>;
    for (const name of names) ports[name] = await freePort();
    const onePerDatabase = ['clubs', 'publications', 'collectivites'] as const;
    for (const name of onePerDatabase) {
      env[`${name.toUpperCase()}_PORT`] = String(ports[name]);
      env[`${name.toUpperCase()}_URL`] = `http://127.0.0.1:${ports[name]}/graphql`;
    }
    env.RENCONTRES_URL = (['rencontres-a', 'rencontres-b'] as const).map((name) => `http://127.0.0.1:${ports[name]}/graphql`).join(',');
    const others = onePerDatabase.map((name) => ({ name, service: start(name, `@federess/subgraph-${name}`) }));
    // The first replica migrates and seeds; the second starts on the database as it is.
    const a = { name: 'rencontres-a', port: ports['rencontres-a'] };
    const b = { name: 'rencontres-b', port: ports['rencontres-b'] };
    rencontres.push({ ...a, process: await startRencontres(a, true) });
    rencontres.push({ ...b, process: await startRencontres(b, false) });
    await Promise.all(others.map(({ name, service }) => waitHealthy(service, `http://127.0.0.1:${ports[name]}/health`, 120_000)));
    for (const name of ['gateway-a', 'gateway-b'] as const) {
      const gateway = start(name, '@federess/gateway', { GATEWAY_PORT: String(ports[name]) });
      await waitHealthy(gateway, `http://127.0.0.1:${ports[name]}/health`, 60_000);
      gateways.push({ name, url: `http://127.0.0.1:${ports[name]}/graphql` });
    }
    admin = await authHeaders(ADMIN);
    const { body } = await graphql<{ clubs: { id: string; region: { code: string } }[] }>(
      gateways[0]!.url,
      '{ clubs { id region { code } } }',
    );
    clubId = body.data!.clubs.find((club) => club.region.code === 'PDL')!.id;
  });

  afterAll(async () => {
    for (const client of clients) await client.dispose();
    for (const service of started.reverse()) await service.stop();
  });

  const [gatewayA, gatewayB] = [() => gateways[0]!.url, () => gateways[1]!.url];
  const subscribe = (url: string, variables: Record<string, unknown> = {}): Collector => {
    const client = liveClient(url);
    clients.push(client);
    return collect(client, FEED, variables);
  };
  const creer = async (url: string, titre: string, extra: Record<string, unknown> = {}) => {
    const { body } = await graphql<{ creerRencontre: { id: string } }>(
      url,
      'mutation($input: CreerRencontreInput!) { creerRencontre(input: $input) { id } }',
      {
        input: {
          clubId,
          titre,
          thematiques: ['MOBILITE'],
          format: 'DISTANCIEL',
          debut: '2027-06-03T09:30:00+02:00',
          fin: '2027-06-03T11:30:00+02:00',
          lienEnLigne: 'https://visio.example.org/replicas',
          ...extra,
        },
      },
      admin,
    );
    expect(body.errors).toBeUndefined();
    return body.data!.creerRencontre.id;
  };
  const renommer = (url: string, id: string, titre: string) =>
    graphql(
      url,
      'mutation($id: ID!, $titre: String!) { modifierRencontre(id: $id, input: { titre: $titre }) { revision } }',
      { id, titre },
      admin,
    );
  /** Each of these gateways holds its upstream subscription, connected. */
  const untilLive = async (...urls: string[]) => {
    for (const url of urls)
      for (let i = 0; ; i++) {
        const scrape = await Scrape.of(metricsUrlOf(url));
        if (scrape.value('federess_upstream_subscriptions_connected') >= 1) break;
        if (i > 200) throw new Error(`${url}: upstream subscription not connected`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
  };
  /** The events of a rencontre after `apres`, as the outbox holds them (the delta sync, read through the graph). */
  const outboxOf = async (rencontreId: string, apres: string): Promise<string[]> => {
    const { body } = await graphql<{ evenementsRencontres: { edges: { node: { id: string; rencontre: { id: string } | null } }[] } }>(
      gatewayA(),
      'query($apres: ID) { evenementsRencontres(apres: $apres, first: 200) { edges { node { id rencontre { id } } } } }',
      { apres },
    );
    return body.data!.evenementsRencontres.edges.filter((edge) => edge.node.rencontre?.id === rencontreId).map((edge) => edge.node.id);
  };
  /** The replica whose live feed the gateways' upstream subscriptions use now (the first if both). */
  const replicaHoldingFeeds = async (): Promise<Replica> => {
    // An upstream is connected before its subscription's stream opens on the replica: polled.
    for (let i = 0; i < 100; i++) {
      for (const replica of rencontres) {
        const scrape = await Scrape.of(`http://127.0.0.1:${replica.port}/metrics`).catch(() => undefined);
        if (scrape && scrape.value('federess_live_feed_clients') > 0) return replica;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('no rencontres replica serves a live feed');
  };
  /** Renames `id` `count` times, through both gateways in turn; a rename refused while a replica stops is retried. */
  const renameMany = async (id: string, count: number, midway: () => Promise<void>) => {
    let stopping: Promise<void> | undefined;
    for (let i = 0; i < count; i++) {
      if (i === Math.floor(count / 3)) stopping = midway();
      for (let attempt = 0; attempt < 20; attempt++) {
        const { body } = await renommer(i % 2 ? gatewayB() : gatewayA(), id, `Renommée ${i}`);
        if (!body.errors) break;
        expect(body.errors[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    await stopping;
  };

  it('delivers to a subscriber of gateway B a change made through gateway A, and B answers it at once', async () => {
    const id = await creer(gatewayA(), 'Rencontre des deux passerelles');
    const read = async () =>
      (await graphql<{ rencontre: { titre: string } }>(gatewayB(), 'query($id: ID!) { rencontre(id: $id) { titre } }', { id })).body.data!
        .rencontre.titre;
    expect(await read()).toBe('Rencontre des deux passerelles');
    const feed = subscribe(gatewayB());
    await untilLive(gatewayB());
    expect((await renommer(gatewayA(), id, 'Renommée par A')).body.errors).toBeUndefined();
    const [event] = await feed.waitFor(1);
    expect(event).toMatchObject({ type: 'MODIFIEE', rencontre: { id, titre: 'Renommée par A' } });
    expect(await read()).toBe('Renommée par A');
    feed.stop();
  });

  it('never overbooks when registrations race through both gateways and both rencontres replicas', async () => {
    const id = await creer(gatewayA(), 'Rencontre très demandée', { capacite: 5 });
    const attempts = await Promise.all(
      Array.from({ length: 14 }, (_, i) =>
        graphql(
          i % 2 ? gatewayB() : gatewayA(),
          'mutation($id: ID!, $input: InscriptionInput!) { inscrire(rencontreId: $id, input: $input) { id } }',
          { id, input: { prenom: 'Personne', nom: `Numéro ${i}`, email: `personne.${i}@example.org`, qualite: 'AGENT' } },
          admin,
        ),
      ),
    );
    const codes = attempts.map(({ body }) => body.errors?.[0]?.extensions?.code ?? 'OK');
    expect(codes.filter((code) => code === 'OK')).toHaveLength(5);
    expect(codes.filter((code) => code !== 'OK')).toEqual(Array(9).fill('CAPACITY_REACHED'));
    const { body } = await graphql<{ rencontre: { placesRestantes: number } }>(
      gatewayB(),
      'query($id: ID!) { rencontre(id: $id) { placesRestantes } }',
      { id },
    );
    expect(body.data!.rencontre.placesRestantes).toBe(0);
  });

  /**
   * Subscribers on both gateways; a rencontre renamed 12 times through both, `stop` applied to the
   * rencontres replica serving their live feeds a third of the way: every change the outbox holds
   * reaches every subscriber, in order, once (a feed may also start with an event committed just
   * before it, which the replica had not yet announced: only those after `start` are compared).
   */
  const survivesStopping = async (titre: string, stop: (victim: Replica) => Promise<void>) => {
    // Both replicas up, one stopped by a previous test restarted.
    for (const replica of rencontres) if (replica.process.child.exitCode !== null) replica.process = await startRencontres(replica, false);
    const id = await creer(gatewayA(), titre);
    const { body } = await graphql<{ evenementsRencontres: { dernierEvenement: { id: string } } }>(
      gatewayA(),
      '{ evenementsRencontres(first: 1) { dernierEvenement { id } } }',
    );
    const start = BigInt(body.data!.evenementsRencontres.dernierEvenement.id);
    const feeds = [subscribe(gatewayA(), { filtre: { regions: ['PDL'] } }), subscribe(gatewayB(), { filtre: { regions: ['PDL'] } })];
    await untilLive(gatewayA(), gatewayB());
    const victim = await replicaHoldingFeeds();
    await renameMany(id, 12, () => stop(victim));
    const expected = await outboxOf(id, String(start));
    expect(expected).toHaveLength(12);
    for (const feed of feeds) {
      const received = () => feed.events.filter((event) => event.rencontre?.id === id && BigInt(event.id) > start).map((event) => event.id);
      for (let i = 0; i < 200 && received().length < expected.length && !feed.errors.length; i++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(feed.errors).toEqual([]);
      expect(received()).toEqual(expected);
      feed.stop();
    }
  };

  it('loses no event when the rencontres replica serving the live feeds stops (SIGTERM): readiness 503, requests in flight answered, subscribers resumed on the other', async () => {
    await survivesStopping('Rencontre arrêtée en douceur', async (victim) => {
      // Two requests in flight at the signal: a query whose body is half sent, a health check whose headers are.
      const query = JSON.stringify({ query: '{ rencontres(first: 1) { totalCount } }' });
      const inflight = rawRequest(
        victim.port,
        `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${query.length}\r\n\r\n${query.slice(0, 10)}`,
      );
      const health = rawRequest(victim.port, 'GET /health HTTP/1.1\r\nHost: x\r\n');
      await new Promise((resolve) => setTimeout(resolve, 200));
      victim.process.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 300));
      health.send('\r\n');
      inflight.send(query.slice(10));
      const [healthAnswer, queryAnswer] = await Promise.all([health.answer, inflight.answer]);
      expect(healthAnswer).toMatch(/^HTTP\/1\.1 503/);
      expect(queryAnswer).toMatch(/^HTTP\/1\.1 200[\s\S]*connection: close[\s\S]*"totalCount":\d+/i);
      expect(await victim.process.exited).toBe(0);
      await expect(fetch(`http://127.0.0.1:${victim.port}/health`)).rejects.toThrow();
    });
  });

  it('loses no event when the rencontres replica serving the live feeds is killed (SIGKILL): subscribers resume on the other', async () => {
    await survivesStopping('Rencontre interrompue net', async (victim) => {
      victim.process.child.kill('SIGKILL');
      await victim.process.exited;
    });
  });
});

/** A request written by hand on its own connection, to hold it half sent; `answer` is everything the server wrote back. */
function rawRequest(port: number, head: string): { send(rest: string): void; answer: Promise<string> } {
  const socket = net.connect(port, '127.0.0.1');
  socket.write(head);
  const answer = new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', () => undefined);
  });
  return { send: (rest) => socket.write(rest), answer };
}
