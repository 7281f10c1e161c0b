import { expect } from '@jest/globals';
import { Role, signToken } from '@federess/auth';
import { SUBGRAPH_NAMES } from '@federess/config';
import { freePort, openDataSource } from '@federess/database';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import { entryOf, type ServiceProcess, waitHealthy } from '@federess/launcher';
import type { Client } from 'graphql-ws';
import { badCases } from './bad-input';
import { CountingProxy } from './counting-proxy';
import { graphql, type GraphQLResponse, startTestHub, type TestHub } from './hub';
import { liveClient } from './live';

const JWT_SECRET = 'secret-des-tests-de-limites-federess-0123456789';
const GATEWAY_SECRET = 'secret-passerelle-des-tests-de-limites-0123456789';

/** Small limits, the same on the gateway and every subgraph, so "just under" and "just over" stay short. */
const LIMITS = {
  FEDERESS_MAX_DEPTH: '6',
  FEDERESS_MAX_ALIASES: '8',
  FEDERESS_MAX_ROOT_FIELDS: '4',
  FEDERESS_MAX_TOKENS: '300',
  FEDERESS_MAX_DIRECTIVES: '4',
  FEDERESS_MAX_COST: '2500',
};

// Depth 6: region 1, club 2, rencontres 3, edges 4, node 5, titre 6.
const AT_LIMIT: [string, string, string, Record<string, unknown>, Record<string, unknown>, string][] = [
  [
    'depth',
    'query { region(code: "BRE") { club { rencontres(first: 2) { edges { node { titre } } } } } }',
    'query { region(code: "BRE") { club { rencontres(first: 2) { edges { node { club { nom } } } } } } }',
    {},
    {},
    'DEPTH_LIMIT_EXCEEDED',
  ],
  // Aliases spread over three subgraphs: each one's fetch carries its share of them.
  [
    'aliases',
    'query { region(code: "BRE") { a: nom b: nom c: code d: code club { e: nom f: nom g: id h: id } } }',
    'query { region(code: "BRE") { a: nom b: nom c: code d: code club { e: nom f: nom g: id h: id i: id } } }',
    {},
    {},
    'ALIAS_LIMIT_EXCEEDED',
  ],
  [
    'root fields',
    'query { regions { code } clubs { nom } organisations { nom } __typename }',
    'query { regions { code } clubs { nom } organisations { nom } __typename departements { code } }',
    {},
    {},
    'ROOT_FIELD_LIMIT_EXCEEDED',
  ],
  [
    'tokens',
    `query { region(code: "BRE") { ${'code '.repeat(280)} } }`,
    `query { region(code: "BRE") { ${'code '.repeat(300)} } }`,
    {},
    {},
    'TOKEN_LIMIT_EXCEEDED',
  ],
  [
    'directives',
    'query { regions @include(if: true) { code @skip(if: false) nom @include(if: true) club @include(if: true) { nom } } }',
    'query { regions @include(if: true) { code @skip(if: false) nom @include(if: true) club @include(if: true) { nom @skip(if: false) } } }',
    {},
    {},
    'DIRECTIVE_LIMIT_EXCEEDED',
  ],
  // 1 + n × (edges 1 + node (1 + titre 1 + ressources (1 + 10 × 1))) = 1 + 14 n: 2493 for 178, 2507 for 179.
  [
    'cost',
    'query($n: Int) { rencontres(first: $n) { edges { node { titre ressources { titre } } } } }',
    'query($n: Int) { rencontres(first: $n) { edges { node { titre ressources { titre } } } } }',
    { n: 178 },
    { n: 179 },
    'COST_LIMIT_EXCEEDED',
  ],
];

/** One operation over graphql-ws: its result, or the errors the server refused it with. */
function overWebSocket(client: Client, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> {
  return new Promise((resolve) => {
    let result: GraphQLResponse = {};
    client.subscribe(
      { query, variables },
      {
        next: (value) => {
          result = value;
        },
        error: (error) => resolve({ errors: Array.isArray(error) ? error : [{ message: String(error) }] }),
        complete: () => resolve(result),
      },
    );
  });
}

/** Rows of every table of every subgraph database: a refused write leaves them all unchanged. */
async function rowCounts(prefix: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of SUBGRAPH_NAMES) {
    const ds = await openDataSource({ url: testDatabaseUrl(`${prefix}_${name}`), entities: [], migrations: [], poolSize: 1 });
    try {
      const tables: { table_name: string }[] = await ds.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
      );
      for (const { table_name } of tables)
        counts[`${name}.${table_name}`] = Number((await ds.query<[{ n: string }]>(`SELECT count(*) AS n FROM "${table_name}"`))[0].n);
    } finally {
      await ds.destroy();
    }
  }
  return counts;
}

function expectWellFormedErrors(body: GraphQLResponse, what: string): void {
  expect({ what, errors: Array.isArray(body.errors) && body.errors.length > 0 }).toEqual({ what, errors: true });
  for (const error of body.errors!) {
    expect({ what, message: typeof error.message, code: typeof error.extensions?.code }).toEqual({
      what,
      message: 'string',
      code: 'string',
    });
  }
  expect(JSON.stringify(body)).not.toMatch(/stacktrace|\bat \/|node_modules/);
}

describe('abuse limits and bad input at the gateway', () => {
  let hub: TestHub;
  let proxy: CountingProxy;
  const gateways: ServiceProcess[] = [];
  const clients: Client[] = [];
  let counted: string;
  let production: string;
  let adminToken: string;

  /** Another gateway process over the same subgraphs, every call going through the counting proxy. */
  async function startGateway(name: string, env: Record<string, string>): Promise<string> {
    const port = await freePort();
    const urls = Object.fromEntries(SUBGRAPH_NAMES.map((s) => [`${s.toUpperCase()}_URL`, proxy.urlOf(s)]));
    const gateway = hub.startService(name, entryOf('@federess/gateway'), { ...hub.env, ...urls, GATEWAY_PORT: String(port), ...env });
    gateways.push(gateway);
    await waitHealthy(gateway, `http://127.0.0.1:${port}/health`, 60_000);
    return `http://127.0.0.1:${port}/graphql`;
  }
  const ws = (url: string) => {
    const client = liveClient(url, { authorization: `Bearer ${adminToken}` });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    hub = await startTestHub('abuse', {
      ...LIMITS,
      FEDERESS_JWT_SECRET: JWT_SECRET,
      FEDERESS_GATEWAY_SECRET: GATEWAY_SECRET,
      // Hundreds of requests come from this one address; the per-token limit is tested on hub.gatewayUrl.
      FEDERESS_RATE_LIMIT_IP_PER_SECOND: '100000',
      FEDERESS_RATE_LIMIT_IP_BURST: '100000',
      FEDERESS_RATE_LIMIT_TOKEN_PER_SECOND: '1',
      FEDERESS_RATE_LIMIT_TOKEN_BURST: '5',
    });
    proxy = new CountingProxy(
      Object.fromEntries(SUBGRAPH_NAMES.map((s) => [s, hub.env[`${s.toUpperCase()}_URL`]!.replace('localhost', '127.0.0.1')])),
    );
    await proxy.start();
    const untimed = {
      FEDERESS_RATE_LIMIT_TOKEN_PER_SECOND: '100000',
      FEDERESS_RATE_LIMIT_TOKEN_BURST: '100000',
      FEDERESS_SUBGRAPH_TIMEOUT_MS: '1500',
    };
    [counted, production] = await Promise.all([
      startGateway('gateway-compteur', untimed),
      startGateway('gateway-production', { ...untimed, FEDERESS_MODE: 'production' }),
    ]);
    adminToken = await signToken(JWT_SECRET, { role: Role.ADMIN, sub: 'test-limites' });
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    for (const gateway of gateways) await gateway.stop();
    await proxy?.stop();
    await hub?.stop();
  });

  describe.each(AT_LIMIT)('%s', (_what, under, over, underVariables, overVariables, code) => {
    it('just under passes through the gateway and the subgraphs; just over is refused with its code, no subgraph called', async () => {
      const ok = await graphql(counted, under, underVariables);
      expect(ok.body.errors).toBeUndefined();
      expect(ok.status).toBe(200);

      const before = proxy.total;
      const refused = await graphql(counted, over, overVariables);
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.map((e) => e.extensions?.code)).toEqual([code]);
      expect(proxy.total).toBe(before);
    });

    it('the same over WebSocket, as a query and as a subscription', async () => {
      const client = ws(counted);
      const ok = await overWebSocket(client, under, underVariables);
      expect(ok.errors).toBeUndefined();
      const before = proxy.total;
      const refused = await overWebSocket(client, over, overVariables);
      expect(refused.errors?.map((e) => e.extensions?.code)).toEqual([code]);
      const subscription = over.replace(/^query/, 'subscription');
      const refusedSubscription = await overWebSocket(client, subscription, overVariables);
      // The derived subscription selects Query fields, which Subscription has not: validation reports
      // that beside the limit (a token count refuses before parsing, alone). Cost is measured only on
      // a valid operation: the live-feed test below sends a valid subscription over the cost limit.
      const codes = refusedSubscription.errors?.map((e) => e.extensions?.code) ?? [];
      expect(codes.filter((c) => c !== 'GRAPHQL_VALIDATION_FAILED')).toEqual(code === 'COST_LIMIT_EXCEEDED' ? [] : [code]);
      expect(codes.length).toBeGreaterThan(0);
      if (code === 'TOKEN_LIMIT_EXCEEDED') expect(codes).toEqual([code]);
      expect(proxy.total).toBe(before);
    });
  });

  it('refuses a live-feed subscription over the cost limit before opening any upstream', async () => {
    const client = ws(counted);
    const refused = await overWebSocket(
      client,
      // 3 × ressources (1 + 10 × collectivitesCitees (1 + 10 × clubs (1 + 10 × nom))) = 3333 > 2500, at depth 6.
      `subscription { rencontresEnDirect { rencontre { ${['a', 'b', 'c'].map((a) => `${a}: ressources { collectivitesCitees { clubs { nom } } }`).join(' ')} } } }`,
    );
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['COST_LIMIT_EXCEEDED']);
    const health = (await (await fetch(counted.replace('/graphql', '/health'))).json()) as Record<string, number>;
    expect(health.upstreamSubscriptions).toBe(0);
  });

  it('limits each bearer token: 429, RATE_LIMITED and Retry-After once its burst is spent', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) {
      last = await fetch(hub.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer jeton-de-test-du-debit' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 5)).not.toContain(429);
    expect(statuses[5]).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await last!.json()) as GraphQLResponse).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('counts operations over WebSocket in the same buckets as HTTP requests', async () => {
    const token = await signToken(JWT_SECRET, { role: Role.ADMIN, sub: 'test-debit-websocket' });
    const client = liveClient(hub.gatewayUrl, { authorization: `Bearer ${token}` });
    clients.push(client);
    const codes: unknown[] = [];
    for (let i = 0; i < 6; i++) codes.push((await overWebSocket(client, '{ __typename }')).errors?.[0]?.extensions?.code ?? 'ok');
    expect(codes).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'RATE_LIMITED']);
  });

  it('counts a variable left to its default value: 1 + 14 × 200 = 2801, not the 281 of a page of 20', async () => {
    const query = 'query($n: Int = 200) { rencontres(first: $n) { edges { node { titre ressources { titre } } } } }';
    const before = proxy.total;
    const refused = await graphql(counted, query);
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.map((e) => [e.extensions?.code, e.extensions?.actual])).toEqual([['COST_LIMIT_EXCEEDED', 2801]]);
    expect(proxy.total).toBe(before);
    const overWs = await overWebSocket(ws(counted), query);
    expect(overWs.errors?.map((e) => e.extensions?.code)).toEqual(['COST_LIMIT_EXCEEDED']);
    expect(proxy.total).toBe(before);
    expect((await graphql(counted, query, { n: 178 })).body.errors).toBeUndefined();
  });

  it('keeps HTTP batching off, CSRF prevention on and automatic persisted queries off', async () => {
    const codesOf = async (response: Response) => ((await response.json()) as GraphQLResponse).errors?.map((e) => e.extensions?.code);
    const batch = await fetch(counted, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(batch.status).toBe(400);
    expect(await codesOf(batch)).toEqual(['BAD_REQUEST']);
    // What a form on another site could send: refused. (A GET only carries queries: it passes.)
    const csrf = await fetch(counted, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{regions{code}}"}' });
    expect(csrf.status).toBe(400);
    expect(await codesOf(csrf)).toEqual(['BAD_REQUEST']);
    const persisted = await fetch(counted, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        extensions: { persistedQuery: { version: 1, sha256Hash: 'ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38' } },
      }),
    });
    expect(persisted.status).toBe(200);
    expect(await codesOf(persisted)).toEqual(['PERSISTED_QUERY_NOT_SUPPORTED']);
  });

  it("answers within FEDERESS_SUBGRAPH_TIMEOUT_MS when a subgraph is slow, with the other subgraphs' data", async () => {
    proxy.behaviour.clubs = { delayMs: 5000 };
    try {
      const started = Date.now();
      const { status, body } = await graphql(counted, '{ region(code: "BRE") { nom club { nom } } }');
      expect(Date.now() - started).toBeLessThan(4000);
      expect(status).toBe(200);
      expect(body.data?.region).toEqual({ nom: 'Bretagne', club: null });
      expect(body.errors?.map((e) => [e.extensions?.code, e.extensions?.serviceName])).toContainEqual(['SUBGRAPH_UNAVAILABLE', 'clubs']);
    } finally {
      proxy.behaviour.clubs = 'pass';
    }
  });

  describe('in production mode', () => {
    it.each([
      [
        'an internal error',
        200,
        {
          data: null,
          errors: [
            {
              message: 'connect ECONNREFUSED 10.0.0.3:5432',
              extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['Error: x', '    at /srv/federess/dist/club.js:12:5'] },
            },
          ],
        },
      ],
      ['an error without a code', 200, { data: null, errors: [{ message: 'relation "club" does not exist (10.0.0.3)' }] }],
      ['a crash page', 500, 'Internal error at /srv/federess/dist/club.js:12 (10.0.0.3)'],
    ])('lets no internal detail of %s leave the gateway', async (_what, status, body) => {
      proxy.behaviour.clubs = { answer: { status, body } };
      try {
        const response = await graphql(production, '{ region(code: "BRE") { nom club { nom } } }');
        expect(response.status).toBeLessThan(500);
        expect(response.body.data?.region?.nom).toBe('Bretagne');
        expectWellFormedErrors(response.body, 'production');
        expect(JSON.stringify(response.body)).not.toMatch(/10\.0\.0\.3|\/srv\/|ECONNREFUSED|relation "club"|stacktrace/);
      } finally {
        proxy.behaviour.clubs = 'pass';
      }
    });

    it("keeps the subgraphs' internal addresses out of /health (they show in development)", async () => {
      const health = async (url: string) => (await (await fetch(url.replace('/graphql', '/health'))).json()) as Record<string, unknown>;
      expect(await health(production)).toEqual(expect.not.objectContaining({ subgraphs: expect.anything() }));
      expect((await health(production)).status).toBe('ok');
      expect(Object.keys((await health(counted)).subgraphs as object).sort()).toEqual([...SUBGRAPH_NAMES].sort());
    });

    it('turns introspection off and hides field suggestions, over HTTP and over WebSocket', async () => {
      const client = ws(production);
      for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Club") { fields { name } } }']) {
        expect((await graphql(production, query)).body.errors?.[0]?.extensions?.code).toBe('INTROSPECTION_DISABLED');
        expect((await overWebSocket(client, query)).errors?.[0]?.extensions?.code).toBe('INTROSPECTION_DISABLED');
      }
      const typo = '{ regionz { nom } regions { nomm } }';
      const dev = await graphql(counted, typo);
      expect(JSON.stringify(dev.body)).toMatch(/Did you mean/);
      for (const body of [(await graphql(production, typo)).body, await overWebSocket(client, typo)]) {
        expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(JSON.stringify(body)).not.toMatch(/Did you mean|"regions"|"nom"/);
      }
    });
  });

  it('answers hundreds of bad inputs, over HTTP and WebSocket, with well-formed errors: no 5xx, nothing written, every process up', async () => {
    const rowsBefore = await rowCounts('abuse');
    const cases = badCases();
    expect(cases.length).toBeGreaterThan(300);
    const admin = { authorization: `Bearer ${adminToken}` };
    const client = ws(counted);
    const tally: Record<string, number> = {};
    for (const [index, c] of cases.entries()) {
      const { status, body } = await graphql(counted, c.query, c.variables, c.asAdmin ? admin : {});
      const what = `${c.kind} #${index}: ${c.query.slice(0, 120)}`;
      expect({ what, status: status < 500 }).toEqual({ what, status: true });
      if (!(c.mayBeNull && !body.errors)) expectWellFormedErrors(body, what);
      tally[c.kind] = (tally[c.kind] ?? 0) + 1;
      // Every third case over WebSocket as well (the same server code path for the rest).
      if (index % 3 === 0) {
        const result = await overWebSocket(client, c.query, c.variables);
        if (!(c.mayBeNull && !result.errors)) expectWellFormedErrors(result, `ws ${what}`);
      }
    }
    // A body over FEDERESS_MAX_BODY_BYTES (1 MiB): 413, BAD_REQUEST, not read further.
    const huge = await graphql(counted, 'query($q: String) { collectivites(recherche: $q) { totalCount } }', {
      q: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(huge.status).toBe(413);
    expect(huge.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');

    console.log(`bad-input suite: ${cases.length} cases over HTTP, ${Math.ceil(cases.length / 3)} over WebSocket`, tally);
    expect(await rowCounts('abuse')).toEqual(rowsBefore);
    for (const url of [counted, production, hub.gatewayUrl, ...SUBGRAPH_NAMES.map((s) => hub.env[`${s.toUpperCase()}_URL`]!)]) {
      const status = await fetch(url.replace('/graphql', '/health').replace('localhost', '127.0.0.1')).then(
        (r) => r.status,
        (e: Error) => `${e.message}: ${String(e.cause)}`,
      );
      expect({ url, status }).toEqual({ url, status: 200 });
    }
  });
});
