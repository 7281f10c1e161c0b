import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import { sharedApolloOptions } from '../src/apollo-options';
import { createHttpHandler } from '../src/http-handler';
import { readEventStream } from '../src/testing/event-stream-reader';
import { CorsPolicy } from '../src/web/cors';
import { EventStreamEndpoint, type StreamedEvent } from '../src/web/event-stream-endpoint';

const schema = buildSchema('type Query { bonjour: String } type Mutation { ecrire: String } type Subscription { tic: Int }');
const PAGE = 'https://www.cress-bretagne.example';

/** A feed the test pushes into: what a service's `open` would return. */
class Feed implements AsyncIterator<StreamedEvent> {
  private readonly waiting: ((r: IteratorResult<StreamedEvent>) => void)[] = [];
  private readonly buffered: StreamedEvent[] = [];
  returned = false;
  push(event: StreamedEvent): void {
    const waiter = this.waiting.shift();
    if (waiter) waiter({ value: event, done: false });
    else this.buffered.push(event);
  }
  next(): Promise<IteratorResult<StreamedEvent>> {
    const event = this.buffered.shift();
    if (event) return Promise.resolve({ value: event, done: false });
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  return(): Promise<IteratorResult<StreamedEvent>> {
    this.returned = true;
    for (const resolve of this.waiting.splice(0)) resolve({ value: undefined, done: true });
    return Promise.resolve({ value: undefined, done: true });
  }
}

describe('the HTTP handler for browsers: CORS, GET queries, event streams', () => {
  let server: Server;
  let apollo: ApolloServer;
  let url: string;
  let feeds: Feed[];
  let endpoint: EventStreamEndpoint;
  beforeAll(async () => {
    apollo = new ApolloServer({
      schema,
      rootValue: { bonjour: () => 'Bonjour', ecrire: () => 'écrit' },
      ...sharedApolloOptions('development'),
    });
    await apollo.start();
    feeds = [];
    endpoint = new EventStreamEndpoint({
      keepAliveMs: 50,
      open: () => {
        const feed = new Feed();
        feeds.push(feed);
        return Promise.resolve({ events: feed, expiresAt: null });
      },
    });
    server = createServer(
      createHttpHandler(apollo, {
        title: 'Test',
        context: () => Promise.resolve({}),
        cors: new CorsPolicy({ origins: [PAGE] }),
        eventStream: endpoint,
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    endpoint.close();
    server.close();
    await apollo.stop();
  });

  it('answers a preflight from an allowed origin with 204 and the permissions, and gives another origin none', async () => {
    const allowed = await fetch(url, {
      method: 'OPTIONS',
      headers: { origin: PAGE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/content-type.*authorization.*apollo-require-preflight/);
    expect(allowed.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(Number(allowed.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(allowed.headers.get('vary')).toMatch(/Origin/);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await fetch(url, { method: 'OPTIONS', headers: { origin: 'https://ailleurs.example' } });
    expect(other.status).toBe(204);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('sets Access-Control-Allow-Origin on answers, errors included, for an allowed origin only', async () => {
    const post = (origin: string, body: string) =>
      fetch(url, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body });
    expect((await post(PAGE, '{"query":"{ bonjour }"}')).headers.get('access-control-allow-origin')).toBe(PAGE);
    expect((await post(PAGE, '{malformé')).headers.get('access-control-allow-origin')).toBe(PAGE);
    expect((await post('https://ailleurs.example', '{"query":"{ bonjour }"}')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets a GET query through without a CSRF header, and keeps mutations POST-only and CSRF-checked', async () => {
    const query = await fetch(`${url}?query=${encodeURIComponent('{ bonjour }')}`);
    expect([query.status, await query.json()]).toEqual([200, { data: { bonjour: 'Bonjour' } }]);
    const mutation = await fetch(`${url}?query=${encodeURIComponent('mutation { ecrire }')}`);
    expect(mutation.status).toBe(405);
    const simplePost = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"query":"mutation { ecrire }"}',
    });
    expect(simplePost.status).toBe(400);
  });

  it('refuses an event stream from an origin outside the list', async () => {
    const refused = await readEventStream(url, {
      body: { query: 'subscription { tic }' },
      headers: { origin: 'https://ailleurs.example' },
    });
    expect(refused.status).toBe(403);
    expect(refused.refusal?.code).toBe('FORBIDDEN');
    expect(feeds).toHaveLength(0);
  });

  it('streams with ids and keep-alive comments; ends at shutdown without complete, releasing the feed', async () => {
    const stream = await readEventStream(url, { body: { query: 'subscription { tic }' }, headers: { origin: PAGE } });
    const feed = feeds.at(-1)!;
    feed.push({ result: { data: { tic: 1 } }, id: '41' });
    feed.push({ result: { data: { tic: 2 } }, id: '42' });
    expect((await stream.waitFor(2)).map((m) => [m.id, m.data])).toEqual([
      ['41', { data: { tic: 1 } }],
      ['42', { data: { tic: 2 } }],
    ]);
    await new Promise((r) => setTimeout(r, 160));
    expect(stream.comments).toBeGreaterThanOrEqual(2);
    endpoint.close();
    await stream.ended;
    expect(stream.messages.map((m) => m.event)).toEqual(['next', 'next']);
    expect(feed.returned).toBe(true);
  });
});

describe('an event stream whose token expires', () => {
  it('ends with UNAUTHENTICATED then complete', async () => {
    const apollo = new ApolloServer({ schema, ...sharedApolloOptions('development') });
    await apollo.start();
    const feed = new Feed();
    const endpoint = new EventStreamEndpoint({ open: () => Promise.resolve({ events: feed, expiresAt: Date.now() + 150 }) });
    const server = createServer(createHttpHandler(apollo, { title: 'Test', context: () => Promise.resolve({}), eventStream: endpoint }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const stream = await readEventStream(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, {
        body: { query: 'subscription { tic }' },
      });
      await stream.ended;
      const codeOf = (data: unknown) => (data as { errors?: { extensions?: { code?: string } }[] } | null)?.errors?.[0]?.extensions?.code;
      expect(stream.messages.map((m) => [m.event, codeOf(m.data)])).toEqual([
        ['next', 'UNAUTHENTICATED'],
        ['complete', undefined],
      ]);
      expect(feed.returned).toBe(true);
    } finally {
      server.close();
      await apollo.stop();
    }
  });
});
