import { freePort } from '@federess/database';
import { entryOf, waitHealthy } from '@federess/launcher';
import { readEventStream } from '@federess/server-kit/testing';
import { createClient } from 'graphql-sse';
import { clubOf } from './clubs';
import { graphql, startTestHub, type TestHub } from './hub';
import { ADMIN, authHeaders, token } from '@federess/auth/testing';
import { collect, liveClient } from './live';

// No `id` selected: the SSE id carries the event id all the same.
const LIVE = `subscription Live($filtre: RencontresEnDirectFiltre, $apres: ID) {
  rencontresEnDirect(filtre: $filtre, apres: $apres) { type rencontre { id titre club { nom } } }
}`;
const BRE = { filtre: { regions: ['BRE'] } };
interface LiveResult {
  data: { rencontresEnDirect: { rencontre: { id: string } } };
}

describe('live feeds over Server-Sent Events through the gateway', () => {
  let hub: TestHub;
  let clubBre: string;
  const health = async (url = hub.gatewayUrl) => (await (await fetch(url.replace('/graphql', '/health'))).json()) as Record<string, number>;
  const until = async (check: (h: Record<string, number>) => boolean, url = hub.gatewayUrl) => {
    for (let i = 0; i < 200; i++) {
      const h = await health(url);
      if (check(h)) return h;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`gateway not live: ${JSON.stringify(await health(url))}`);
  };
  const creer = async (titre: string) => {
    const { body } = await graphql<{ creerRencontre: { id: string } }>(
      hub.gatewayUrl,
      'mutation($input: CreerRencontreInput!) { creerRencontre(input: $input) { id } }',
      {
        input: {
          clubId: clubBre,
          titre,
          thematiques: ['SCIC'],
          format: 'DISTANCIEL',
          debut: '2027-03-04T09:30:00+01:00',
          fin: '2027-03-04T11:30:00+01:00',
          lienEnLigne: 'https://visio.example.org/sse',
        },
      },
      await authHeaders(ADMIN),
    );
    expect(body.errors).toBeUndefined();
    return body.data!.creerRencontre.id;
  };

  beforeAll(async () => {
    hub = await startTestHub('live_sse');
    clubBre = await clubOf(hub.gatewayUrl, 'BRE');
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('serves a graphql-sse client, sharing one upstream with a graphql-ws client of the same operation', async () => {
    const sse = createClient({ url: hub.gatewayUrl, singleConnection: false, retryAttempts: 0 });
    const ws = liveClient(hub.gatewayUrl);
    try {
      const received: unknown[] = [];
      const ended = new Promise<void>((resolve, reject) =>
        sse.subscribe({ query: LIVE, variables: BRE }, { next: (r) => received.push(r), error: reject, complete: resolve }),
      );
      const overWs = collect(ws, LIVE, BRE);
      const h = await until((s) => s.subscribedClients === 2 && s.connectedUpstreamSubscriptions === 1);
      expect([h.upstreamSubscriptions, h.eventStreams]).toEqual([1, 1]);
      const id = await creer('Rencontre en SSE et en graphql-ws');
      const [event] = await overWs.waitFor(1);
      for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(received).toEqual([{ data: { rencontresEnDirect: event } }]);
      expect(event).toMatchObject({ type: 'CREEE', rencontre: { id, club: { nom: expect.stringMatching(/Bretagne/) as unknown } } });
      sse.dispose();
      await Promise.race([ended, new Promise((r) => setTimeout(r, 200))]);
    } finally {
      sse.dispose();
      await ws.dispose();
    }
  });

  it('gives each event its id as SSE id; Last-Event-ID resumes exactly as apres, in order, once each', async () => {
    const live = await readEventStream(hub.gatewayUrl, { body: { query: LIVE, variables: BRE } });
    await until((h) => h.eventStreams === 1 && h.connectedUpstreamSubscriptions === 1);
    const ids = [await creer('SSE 1'), await creer('SSE 2'), await creer('SSE 3')];
    const events = await live.waitFor(3);
    live.close();
    expect(events.map((e) => (e.data as LiveResult).data.rencontresEnDirect.rencontre.id)).toEqual(ids);
    const eventIds = events.map((e) => BigInt(e.id!));
    expect(eventIds[0]! < eventIds[1]! && eventIds[1]! < eventIds[2]!).toBe(true);

    const fromHeader = await readEventStream(hub.gatewayUrl, {
      body: { query: LIVE, variables: BRE },
      headers: { 'last-event-id': events[0]!.id! },
    });
    const fromApres = await readEventStream(hub.gatewayUrl, { body: { query: LIVE, variables: { ...BRE, apres: events[0]!.id } } });
    const [a, b] = [await fromHeader.waitFor(2), await fromApres.waitFor(2)];
    expect(a).toEqual(events.slice(1));
    expect(b).toEqual(events.slice(1));
    await new Promise((r) => setTimeout(r, 300));
    expect(fromHeader.messages).toHaveLength(2);
    fromHeader.close();
    fromApres.close();
  });

  it('starts a stream with the id it starts after, so that a client cut before its first event resumes with nothing missed', async () => {
    const first = await readEventStream(hub.gatewayUrl, { body: { query: LIVE, variables: BRE } });
    for (let i = 0; i < 100 && first.lastEventId === undefined; i++) await new Promise((r) => setTimeout(r, 20));
    const start = first.lastEventId;
    expect(start).toMatch(/^\d+$/);
    first.close();
    await until((h) => h.subscribedClients === 0);
    const id = await creer('SSE pendant la coupure');
    const resumed = await readEventStream(hub.gatewayUrl, { body: { query: LIVE, variables: BRE }, headers: { 'last-event-id': start! } });
    expect((await resumed.waitFor(1)).map((e) => (e.data as LiveResult).data.rencontresEnDirect.rencontre.id)).toEqual([id]);
    resumed.close();
  });

  it('authenticates with the Authorization header and refuses as HTTP would', async () => {
    const bearer = await token(ADMIN);
    const authorised = await readEventStream(hub.gatewayUrl, {
      body: { query: LIVE, variables: BRE },
      headers: { authorization: `Bearer ${bearer}` },
    });
    expect(authorised.status).toBe(200);
    authorised.close();
    const refused = await readEventStream(hub.gatewayUrl, { body: { query: LIVE }, headers: { authorization: 'Bearer pas-un-jeton' } });
    expect(refused.refusal).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    const invalid = await readEventStream(hub.gatewayUrl, { body: { query: 'subscription { rencontresEnDirect { nexistePas } }' } });
    expect(invalid.refusal).toEqual({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('answers a subscription sent as a plain HTTP POST with BAD_REQUEST naming the ways to subscribe', async () => {
    const { status, body } = await graphql(hub.gatewayUrl, LIVE, BRE);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(body.errors?.[0]?.message).toMatch(/text\/event-stream.*graphql-ws/s);
  });

  it('ends streams at gateway shutdown without complete, so that clients resume', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/graphql`;
    const second = hub.startService('gateway-2', entryOf('@federess/gateway'), { ...hub.env, GATEWAY_PORT: String(port) });
    try {
      await waitHealthy(second, url.replace('/graphql', '/health'), 60_000);
      const stream = await readEventStream(url, { body: { query: LIVE, variables: BRE } });
      await until((h) => h.eventStreams === 1, url);
      await second.stop();
      await stream.ended;
      expect(stream.messages.filter((m) => m.event === 'complete')).toEqual([]);
    } finally {
      await second.stop();
    }
  });
});
