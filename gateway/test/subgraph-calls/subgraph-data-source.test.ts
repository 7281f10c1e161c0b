import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { GATEWAY_HEADER } from '@federess/auth';
import { CACHE_EXTENSION } from '@federess/server-kit';
import { parse } from 'graphql';
import { AnswerCache } from '../../src/cache/answer-cache';
import { ANONYMOUS_CONTEXT } from '../../src/context';
import type { ProcessOptions } from '../../src/subgraph-calls/process-options';
import { SubgraphDataSource } from '../../src/subgraph-calls/subgraph-data-source';

/** One request the fake subgraph received: its headers, its JSON body, and whether its socket had served one before. */
interface Received {
  readonly headers: http.IncomingHttpHeaders;
  readonly body: { query: string; variables?: Record<string, unknown>; [key: string]: unknown };
  readonly reusedSocket: boolean;
}
type Answer = (call: Received, req: http.IncomingMessage, res: http.ServerResponse) => void;

const json = (res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
/** The default answer: the call's Authorization and variables echoed back, so callers can tell answers apart. */
const echo: Answer = (call, _req, res) =>
  json(res, 200, {
    data: { authorization: call.headers.authorization ?? null, variables: call.body.variables ?? null, items: [{ n: 1 }] },
  });
const after =
  (ms: number, answer: Answer): Answer =>
  (call, req, res) =>
    void setTimeout(() => answer(call, req, res), ms);

/** A real HTTP subgraph on port 0, with keep-alive, that counts what it receives and answers as the test says. */
class FakeSubgraph {
  readonly calls: Received[] = [];
  answer: Answer = echo;
  private readonly served = new WeakMap<Socket, number>();
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const before = this.served.get(req.socket) ?? 0;
      this.served.set(req.socket, before + 1);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Received['body'];
      const call: Received = { headers: req.headers, body, reusedSocket: before > 0 };
      this.calls.push(call);
      this.answer(call, req, res);
    });
  });

  async start(): Promise<string> {
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/graphql`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const SECRET = 'le-secret-de-la-passerelle';
// Far above the fake subgraph's 100 ms answers, so a loaded machine never turns a shared call into a timeout.
const TIMEOUT_MS = 1_000;

/** The options @apollo/gateway's executeQueryPlan passes for one fetch of a client operation. */
function fetchOf(
  query: string,
  {
    variables,
    authorization,
    planned,
    restrict,
    freshAfter,
  }: {
    variables?: Record<string, unknown>;
    authorization?: string;
    planned?: Record<string, string>;
    restrict?: jest.Mock;
    freshAfter?: Record<string, string>;
  } = {},
): ProcessOptions {
  return {
    kind: 'incoming operation',
    request: { query, variables, http: planned ? { headers: new Headers(planned) } : undefined },
    incomingRequestContext: { overallCachePolicy: restrict ? { restrict } : undefined },
    context: { ...ANONYMOUS_CONTEXT, authorization, freshAfter },
    document: parse(query),
  } as unknown as ProcessOptions;
}

/** The GraphQL error a call rejects with (the test fails if it resolves). */
async function failureOf(promise: Promise<unknown>): Promise<{ message: string; extensions: Record<string, unknown> }> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a failure, got ${JSON.stringify(outcome.value)}`);
  return outcome.error as { message: string; extensions: Record<string, unknown> };
}

/** Lets the agent take back a finished call's socket, so the next call reuses it. */
const socketReturned = () => new Promise((resolve) => setImmediate(resolve));

const QUERY = 'query Clubs($region: String) { clubs(region: $region) { nom } }';
const MUTATION = 'mutation { creerClub(nom: "Les Tisserands") { id } }';

describe('SubgraphDataSource over a real HTTP subgraph', () => {
  let subgraph: FakeSubgraph;
  let source: SubgraphDataSource;
  let logged: jest.SpyInstance;

  beforeEach(async () => {
    subgraph = new FakeSubgraph();
    source = new SubgraphDataSource('clubs', [await subgraph.start()], TIMEOUT_MS, SECRET);
    // The data source logs each unreachable subgraph; the tests check its errors, not its log.
    logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(async () => {
    logged.mockRestore();
    await subgraph.stop();
  });

  it("sends the gateway secret, the caller's Authorization, JSON, the planned headers, and the request without its http part", async () => {
    const variables = { region: 'BRE' };
    await source.process(
      fetchOf(QUERY, { variables, authorization: 'Bearer jeton', planned: { 'Apollo-Federation-Include-Trace': 'ftv1' } }),
    );
    expect(subgraph.calls).toHaveLength(1);
    const [call] = subgraph.calls;
    expect(call!.headers[GATEWAY_HEADER]).toBe(SECRET);
    expect(call!.headers.authorization).toBe('Bearer jeton');
    expect(call!.headers['content-type']).toBe('application/json');
    expect(call!.headers['apollo-federation-include-trace']).toBe('ftv1');
    expect(call!.body).toEqual({ query: QUERY, variables });
  });

  it('sends no Authorization for an anonymous caller', async () => {
    await source.process(fetchOf(QUERY));
    expect(subgraph.calls[0]!.headers.authorization).toBeUndefined();
    expect(subgraph.calls[0]!.headers[GATEWAY_HEADER]).toBe(SECRET);
  });

  it('makes one call for two identical queries in flight, and gives each caller its own answer object', async () => {
    subgraph.answer = after(100, echo);
    const options = { variables: { region: 'BRE' }, authorization: 'Bearer jeton' };
    const [first, second] = await Promise.all([source.process(fetchOf(QUERY, options)), source.process(fetchOf(QUERY, options))]);
    expect(subgraph.calls).toHaveLength(1);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    (first.data as { items: { n: number }[] }).items[0]!.n = 99;
    (first.data as Record<string, unknown>).ajout = true;
    expect(second.data).toEqual({ authorization: 'Bearer jeton', variables: { region: 'BRE' }, items: [{ n: 1 }] });
  });

  it('makes two calls for the same query from two callers (two Authorization values), each getting its own', async () => {
    subgraph.answer = after(100, echo);
    const [alice, bob] = await Promise.all([
      source.process(fetchOf(QUERY, { authorization: 'Bearer alice' })),
      source.process(fetchOf(QUERY, { authorization: 'Bearer bob' })),
    ]);
    expect(subgraph.calls).toHaveLength(2);
    expect(alice.data).toMatchObject({ authorization: 'Bearer alice' });
    expect(bob.data).toMatchObject({ authorization: 'Bearer bob' });
  });

  it('makes two calls for the same query with different variables', async () => {
    subgraph.answer = after(100, echo);
    await Promise.all([
      source.process(fetchOf(QUERY, { variables: { region: 'BRE' } })),
      source.process(fetchOf(QUERY, { variables: { region: 'OCC' } })),
    ]);
    expect(subgraph.calls).toHaveLength(2);
  });

  it('never shares a mutation: the same mutation twice in flight is two calls', async () => {
    subgraph.answer = after(100, echo);
    await Promise.all([source.process(fetchOf(MUTATION)), source.process(fetchOf(MUTATION))]);
    expect(subgraph.calls).toHaveLength(2);
  });

  it('makes a new call for an identical query sent after the first one finished (nothing is cached)', async () => {
    await source.process(fetchOf(QUERY));
    await source.process(fetchOf(QUERY));
    expect(subgraph.calls).toHaveLength(2);
  });

  it('gives up after the deadline with SUBGRAPH_UNAVAILABLE naming the subgraph', async () => {
    subgraph.answer = () => undefined; // never answers
    const started = Date.now();
    const error = await failureOf(source.process(fetchOf(QUERY)));
    const elapsed = Date.now() - started;
    expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'clubs' });
    expect(error.message).toContain(`n'a pas répondu en ${TIMEOUT_MS} ms`);
    // About the deadline: not before it, and not long after it (a behaviour check, not a benchmark).
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 1_000);
  });

  it('gives both sharers of one timed-out query the SUBGRAPH_UNAVAILABLE error, then calls afresh', async () => {
    subgraph.answer = () => undefined;
    const errors = await Promise.all([failureOf(source.process(fetchOf(QUERY))), failureOf(source.process(fetchOf(QUERY)))]);
    expect(subgraph.calls).toHaveLength(1);
    for (const error of errors) expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'clubs' });
    subgraph.answer = echo;
    await expect(source.process(fetchOf(QUERY))).resolves.toMatchObject({ data: { items: [{ n: 1 }] } });
    expect(subgraph.calls).toHaveLength(2);
  });

  it('turns a subgraph that is down (connection refused) into SUBGRAPH_UNAVAILABLE naming it', async () => {
    const down = new FakeSubgraph();
    const url = await down.start();
    await down.stop(); // nothing listens on that port any more
    const error = await failureOf(new SubgraphDataSource('rencontres', [url], TIMEOUT_MS, SECRET).process(fetchOf(QUERY)));
    expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'rencontres' });
    expect(error.message).toContain('est injoignable');
  });

  it('passes through the GraphQL errors of a 400 answer, with their codes', async () => {
    const errors = [{ message: 'Variable "$region" got invalid value', extensions: { code: 'BAD_USER_INPUT' } }];
    subgraph.answer = (_call, _req, res) => json(res, 400, { errors });
    await expect(source.process(fetchOf(QUERY))).resolves.toEqual({ errors });
  });

  it('passes through the GraphQL errors of a 401 answer', async () => {
    const errors = [{ message: 'Jeton expiré', extensions: { code: 'UNAUTHENTICATED' } }];
    subgraph.answer = (_call, _req, res) => json(res, 401, { errors });
    await expect(source.process(fetchOf(QUERY, { authorization: 'Bearer vieux' }))).resolves.toEqual({ errors });
  });

  it('turns a 401 without a GraphQL body into SUBGRAPH_UNAVAILABLE (the gateway cannot read that subgraph)', async () => {
    subgraph.answer = (_call, _req, res) => {
      res.writeHead(401, { 'content-type': 'text/plain' });
      res.end('Unauthorized');
    };
    const error = await failureOf(source.process(fetchOf(QUERY)));
    expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'clubs' });
  });

  it('sends a query again, once, when the kept-alive socket it reused was closed by the subgraph, and the caller gets the answer', async () => {
    await source.process(fetchOf(QUERY));
    await socketReturned();
    // The subgraph now drops any request that arrives on a socket it already served.
    subgraph.answer = (call, req, res) => (call.reusedSocket ? req.socket.destroy() : echo(call, req, res));
    await expect(source.process(fetchOf(QUERY, { authorization: 'Bearer jeton' }))).resolves.toMatchObject({
      data: { authorization: 'Bearer jeton' },
    });
    expect(subgraph.calls.map((c) => c.reusedSocket)).toEqual([false, true, false]);
  });

  it('sends a query again only once: a second reset is SUBGRAPH_UNAVAILABLE', async () => {
    await source.process(fetchOf(QUERY));
    await socketReturned();
    subgraph.answer = (_call, req) => req.socket.destroy();
    const error = await failureOf(source.process(fetchOf(QUERY)));
    expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'clubs' });
    expect(subgraph.calls).toHaveLength(3);
  });

  it('never sends a mutation again, even when its reused socket was closed', async () => {
    await source.process(fetchOf(QUERY));
    await socketReturned();
    subgraph.answer = (call, req, res) => (call.reusedSocket ? req.socket.destroy() : echo(call, req, res));
    const error = await failureOf(source.process(fetchOf(MUTATION)));
    expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'clubs' });
    expect(subgraph.calls).toHaveLength(2);
  });

  it("restricts the operation's cache policy with the subgraph's Cache-Control", async () => {
    const restrict = jest.fn();
    subgraph.answer = (_call, _req, res) => json(res, 200, { data: {} }, { 'cache-control': 'max-age=60, public' });
    await source.process(fetchOf(QUERY, { restrict }));
    subgraph.answer = echo;
    await source.process(fetchOf(QUERY, { restrict }));
    expect(restrict.mock.calls).toEqual([[{ maxAge: 60, scope: 'PUBLIC' }], [{ maxAge: 0 }]]);
  });

  it('refuses a request without a query before calling anyone', async () => {
    await expect(source.process({ ...fetchOf(QUERY), request: { variables: {} } })).rejects.toThrow('Missing query');
    expect(subgraph.calls).toHaveLength(0);
  });
});

describe('SubgraphDataSource with the cache, for a feed that must show a given change', () => {
  let subgraph: FakeSubgraph;
  let cache: AnswerCache;
  let source: SubgraphDataSource;
  /** Each answer says which call it was, and tells the cache what it read. */
  const numbered: Answer = (_call, _req, res) =>
    json(res, 200, { data: { call: subgraph.calls.length }, extensions: { [CACHE_EXTENSION]: { tags: ['Query.clubs'] } } });

  beforeEach(async () => {
    subgraph = new FakeSubgraph();
    subgraph.answer = numbered;
    cache = new AnswerCache(1 << 20);
    cache.applied('clubs', '41');
    cache.listening('clubs');
    source = new SubgraphDataSource('clubs', [await subgraph.start()], TIMEOUT_MS, SECRET, undefined, cache);
  });
  afterEach(async () => {
    await subgraph.stop();
  });

  it('reads a change the cache has not applied yet from the subgraph, and the kept answer once it has', async () => {
    expect((await source.process(fetchOf(QUERY))).data).toEqual({ call: 1 });
    expect((await source.process(fetchOf(QUERY, { freshAfter: { clubs: '41' } }))).data).toEqual({ call: 1 });
    // Event 42 is committed (the feed read it as its version) but not yet applied here: the kept answer may predate it.
    expect((await source.process(fetchOf(QUERY, { freshAfter: { clubs: '42' } }))).data).toEqual({ call: 2 });
    expect((await source.process(fetchOf(QUERY, { freshAfter: { rencontres: '999' } }))).data).toEqual({ call: 1 });
    cache.evict('clubs', ['Query.clubs']);
    cache.applied('clubs', '42');
    expect((await source.process(fetchOf(QUERY, { freshAfter: { clubs: '42' } }))).data).toEqual({ call: 3 });
    expect((await source.process(fetchOf(QUERY))).data).toEqual({ call: 3 });
  });

  it('does not share a call begun before it either', async () => {
    subgraph.answer = after(100, numbered);
    const earlier = source.process(fetchOf(QUERY, { variables: { region: 'BRE' } }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const fresh = await source.process(fetchOf(QUERY, { variables: { region: 'BRE' }, freshAfter: { clubs: '42' } }));
    expect(subgraph.calls).toHaveLength(2);
    expect(fresh.data).toEqual({ call: 2 });
    await earlier;
  });
});
