import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { type LimitSettings, readLimitSettings } from '@federess/config';
import { buildSchema, getIntrospectionQuery, getOperationAST, parse } from 'graphql';
import { sharedApolloOptions } from '../src/apollo-options';
import { createHttpHandler } from '../src/http-handler';
import { operationCost } from '../src/limits/cost-limit';
import { operationAliases } from '../src/limits/alias-limit';
import { operationDepth } from '../src/limits/depth-limit';
import { RateLimiter } from '../src/limits/rate-limit';
import { countTokens } from '../src/limits/token-limit';
import { TokenBuckets } from '../src/limits/token-buckets';
import type { GraphQLBody } from '../src/testing/graphql-client';

const schema = buildSchema(`
  type Query { noeud: Noeud noeuds(first: Int): NoeudConnection! echo(texte: String): String }
  type Noeud { nom: String! etiquettes: [String!]! enfant: Noeud enfants: [Noeud!]! page(first: Int): NoeudConnection! }
  type NoeudConnection { totalCount: Int! edges: [NoeudEdge!]! }
  type NoeudEdge { node: Noeud! }
`);

/** Every resolver that would touch a database counts here: a refused operation must leave it at 0. */
let resolved = 0;
const noeud = (): Record<string, unknown> => ({
  nom: 'n',
  etiquettes: ['a'],
  enfant: () => noeud(),
  enfants: () => [noeud()],
  page: () => page(),
});
const page = () => ({ totalCount: 1, edges: [{ node: noeud() }] });
const rootValue = {
  noeud: () => {
    resolved += 1;
    return noeud();
  },
  noeuds: () => {
    resolved += 1;
    return page();
  },
  echo: ({ texte }: { texte?: string }) => texte ?? '',
};

const LIMITS: LimitSettings = readLimitSettings({
  FEDERESS_MAX_DEPTH: '5',
  FEDERESS_MAX_ALIASES: '3',
  FEDERESS_MAX_ROOT_FIELDS: '3',
  FEDERESS_MAX_TOKENS: '60',
  FEDERESS_MAX_DIRECTIVES: '2',
  FEDERESS_MAX_COST: '100',
  FEDERESS_DEFAULT_LIST_SIZE: '10',
  FEDERESS_RATE_LIMIT_IP_PER_SECOND: '0',
});

async function serve(
  limits: LimitSettings,
  options: { rateLimiter?: RateLimiter; mode?: 'development' | 'production'; trustedCaller?: (req: IncomingMessage) => boolean } = {},
) {
  const apollo = new ApolloServer({ schema, rootValue, ...sharedApolloOptions(options.mode ?? 'development', limits) });
  await apollo.start();
  const server: Server = createServer(
    createHttpHandler(apollo, {
      title: 'Test',
      context: () => Promise.resolve({}),
      maxBodyBytes: limits.maxBodyBytes,
      maxTokens: limits.maxTokens,
      rateLimiter: options.rateLimiter,
      trustedCaller: options.trustedCaller,
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server, apollo };
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as GraphQLBody<{ __schema: { types: unknown[] } }>,
  };
}

const measure = (query: string) => {
  const document = parse(query);
  return { document, operation: getOperationAST(document)! };
};

describe('the abuse limits', () => {
  let small: Awaited<ReturnType<typeof serve>>;
  let defaults: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    small = await serve(LIMITS);
    defaults = await serve(readLimitSettings({}));
  });
  afterAll(async () => {
    for (const s of [small, defaults]) {
      s.server.close();
      await s.apollo.stop();
    }
  });
  beforeEach(() => {
    resolved = 0;
  });

  // For each limit: an operation just under it passes, one just over it is refused with its code,
  // and no resolver ran for the refused one.
  it.each([
    [
      'depth',
      '{ noeud { enfant { enfant { enfant { nom } } } } }',
      '{ noeud { enfant { enfant { enfant { enfant { nom } } } } } }',
      'DEPTH_LIMIT_EXCEEDED',
    ],
    [
      'depth through fragments',
      'query { noeud { ...F } } fragment F on Noeud { enfant { enfant { enfant { nom } } } }',
      'query { noeud { ...F } } fragment F on Noeud { enfant { enfant { enfant { enfant { nom } } } } }',
      'DEPTH_LIMIT_EXCEEDED',
    ],
    ['aliases', '{ a: noeud { b: nom c: nom } }', '{ a: noeud { b: nom c: nom d: nom } }', 'ALIAS_LIMIT_EXCEEDED'],
    [
      'aliases counted per fragment use',
      '{ noeud { ...F ...F } } fragment F on Noeud { a: nom }',
      '{ noeud { ...F enfant { ...F ...F } } } fragment F on Noeud { a: nom b: nom }',
      'ALIAS_LIMIT_EXCEEDED',
    ],
    ['root fields', '{ noeud { nom } echo __typename }', '{ noeud { nom } echo __typename a: echo }', 'ROOT_FIELD_LIMIT_EXCEEDED'],
    [
      'directives counted per fragment use',
      '{ noeud { ...D } } fragment D on Noeud { nom @skip(if: false) }',
      '{ noeud { ...D enfant { ...D ...D } } } fragment D on Noeud { nom @skip(if: false) }',
      'DIRECTIVE_LIMIT_EXCEEDED',
    ],
    [
      'directives',
      '{ noeud @include(if: true) { nom @skip(if: false) } }',
      '{ noeud @include(if: true) { nom @skip(if: false) enfant @include(if: true) { nom } } }',
      'DIRECTIVE_LIMIT_EXCEEDED',
    ],
    [
      'cost',
      '{ noeuds(first: 7) { edges { node { nom enfants { nom } } } } }',
      '{ noeuds(first: 8) { edges { node { nom enfants { nom } } } } }',
      'COST_LIMIT_EXCEEDED',
    ],
    [
      'cost of a connection without first (20)',
      '{ noeuds(first: 4) { edges { node { page { totalCount } } } } }',
      '{ noeuds(first: 5) { edges { node { page { totalCount } } } } }',
      'COST_LIMIT_EXCEEDED',
    ],
  ])('%s: just under passes, just over is refused before any resolver', async (_what, under, over, code) => {
    const ok = await post(small.url, under);
    expect(ok.body.errors).toBeUndefined();
    expect(ok.status).toBe(200);
    expect(resolved).toBeGreaterThan(0);
    resolved = 0;
    const refused = await post(small.url, over);
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.map((e) => e.extensions?.code)).toEqual([code]);
    expect(refused.body.errors?.[0]?.message).toEqual(expect.any(String));
    expect(resolved).toBe(0);
  });

  it('counts first given as a variable', async () => {
    const query = 'query($n: Int) { noeuds(first: $n) { edges { node { nom enfants { nom } } } } }';
    expect((await post(small.url, query, { n: 7 })).body.errors).toBeUndefined();
    const refused = await post(small.url, query, { n: 8 });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit: 100, actual: 113 });
    expect(resolved).toBe(1);
  });

  it("counts a variable's default value when the variable is not sent", async () => {
    // Read from the variables sent alone, `$n` would count as a page of 20 (cost 21) and pass.
    const query = 'query($n: Int = 100) { noeuds(first: $n) { totalCount } }';
    const refused = await post(small.url, query);
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit: 100, actual: 101 });
    expect(resolved).toBe(0);
    expect((await post(small.url, query, { n: 99 })).body.errors).toBeUndefined();
    const { document, operation } = measure(query);
    expect(operationCost(schema, document, operation, {}, { defaultListSize: 10 })).toBe(101);
    expect(operationCost(schema, document, operation, { n: 1 }, { defaultListSize: 10 })).toBe(2);
  });

  it('tokens: counted before parsing, refused without a resolver', async () => {
    const under = `{ echo(texte: "${'x'.repeat(10_000)}") }`; // a long string is one token
    expect((await post(small.url, under)).body.data).toEqual({ echo: 'x'.repeat(10_000) });
    const over = `{ ${'echo '.repeat(100)} }`;
    const refused = await post(small.url, over);
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('TOKEN_LIMIT_EXCEEDED');
    // Over the limit, counting stops one token past it, whatever the document's size.
    expect(countTokens(`{ ${'a '.repeat(1_000_000)} }`, 60)).toBe(61);
    // Comments count, `#` in strings does not start one, and a run of comments stops the count too.
    expect(countTokens('{ a(s: "# pas un commentaire") # un\n b(t: """x # y \\""" # z""") } # deux', 100)).toBe(16);
    expect(countTokens(`{ x } ${'#\n'.repeat(1_000_000)}`, 60)).toBe(61);
  });

  it('measures the cost documented in the README', () => {
    const options = { defaultListSize: 10 };
    const { document, operation } = measure(
      '{ noeuds(first: 50) { totalCount edges { node { nom etiquettes enfant { nom } enfants { nom } } } } }',
    );
    // 1 (noeuds) + 50 × (totalCount 1 + edges (1 + node (1 + nom 1 + etiquettes 1 + enfant 2 + enfants (1 + 10 × 1))))
    expect(operationCost(schema, document, operation, {}, options)).toBe(1 + 50 * (1 + (1 + (1 + 1 + 1 + 2 + 11))));
    const entities = measure('{ noeuds { totalCount } }');
    expect(operationCost(schema, entities.document, entities.operation, {}, options)).toBe(1 + 20 * 1);
  });

  it('measures a fragment bomb without expanding it', () => {
    let text = 'query { noeud { ...F0 } } fragment F30 on Noeud { nom }';
    for (let i = 0; i < 30; i++) text += ` fragment F${i} on Noeud { a: enfant { ...F${i + 1} } b: enfant { ...F${i + 1} } }`;
    const { document, operation } = measure(text);
    const started = Date.now();
    expect(operationAliases(document, operation)).toBeGreaterThan(2 ** 30);
    expect(operationCost(schema, document, operation, {}, { defaultListSize: 10 })).toBeGreaterThan(2 ** 30);
    expect(operationDepth(document, operation)).toBe(32);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('lets the default limits through introspection (development) and ordinary queries', async () => {
    const { body } = await post(defaults.url, getIntrospectionQuery());
    expect(body.errors).toBeUndefined();
    expect(body.data?.__schema.types.length).toBeGreaterThan(5);
  });

  it('refuses a body over FEDERESS_MAX_BODY_BYTES with 413', async () => {
    const tight = await serve(readLimitSettings({ FEDERESS_MAX_BODY_BYTES: '2048' }));
    try {
      expect((await post(tight.url, `{ echo(texte: "${'x'.repeat(1500)}") }`)).status).toBe(200);
      const over = await post(tight.url, `{ echo(texte: "${'x'.repeat(3000)}") }`);
      expect(over.status).toBe(413);
      expect(over.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    } finally {
      tight.server.close();
      await tight.apollo.stop();
    }
  });

  it('hides field suggestions in production only', async () => {
    const prod = await serve(LIMITS, { mode: 'production' });
    try {
      const dev = await post(small.url, '{ noeud { nomm } }');
      expect(dev.body.errors?.[0]?.message).toMatch(/Did you mean/);
      const hidden = await post(prod.url, '{ noeud { nomm } }');
      expect(hidden.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(hidden.body.errors?.[0]?.message).not.toMatch(/Did you mean|nom"/);
    } finally {
      prod.server.close();
      await prod.apollo.stop();
    }
  });
});

describe('the rate limits', () => {
  it('refuse an address over its burst with 429, RATE_LIMITED and Retry-After, then let it through again', async () => {
    const limits = readLimitSettings({ FEDERESS_RATE_LIMIT_IP_PER_SECOND: '5', FEDERESS_RATE_LIMIT_IP_BURST: '3' });
    const s = await serve(limits, { rateLimiter: new RateLimiter(limits) });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await post(s.url, '{ echo }')).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await post(s.url, '{ echo }');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      await new Promise((r) => setTimeout(r, 400)); // 5 per second: one token back after 200 ms
      expect((await post(s.url, '{ echo }')).status).toBe(200);
    } finally {
      s.server.close();
      await s.apollo.stop();
    }
  });

  it('limit each bearer token on its own, and never limit a trusted caller (the gateway, on a subgraph)', async () => {
    const limits = readLimitSettings({
      FEDERESS_RATE_LIMIT_IP_PER_SECOND: '0',
      FEDERESS_RATE_LIMIT_TOKEN_PER_SECOND: '1',
      FEDERESS_RATE_LIMIT_TOKEN_BURST: '2',
    });
    const s = await serve(limits, { rateLimiter: new RateLimiter(limits) });
    const trustedCaller = (req: IncomingMessage) => req.headers['x-federess-gateway'] === 'secret';
    const exempt = await serve(limits, { rateLimiter: new RateLimiter(limits), trustedCaller });
    try {
      const as = (token: string) => post(s.url, '{ echo }', {}, { authorization: `Bearer ${token}` });
      expect([(await as('a')).status, (await as('a')).status, (await as('a')).status]).toEqual([200, 200, 429]);
      expect((await as('b')).status).toBe(200);
      expect((await post(s.url, '{ echo }')).status).toBe(200); // no token, no per-address limit here
      for (let i = 0; i < 5; i++)
        expect((await post(exempt.url, '{ echo }', {}, { authorization: 'Bearer a', 'x-federess-gateway': 'secret' })).status).toBe(200);
      expect((await post(exempt.url, '{ echo }', {}, { authorization: 'Bearer a' })).status).toBe(200);
      expect((await post(exempt.url, '{ echo }', {}, { authorization: 'Bearer a' })).status).toBe(200);
      expect((await post(exempt.url, '{ echo }', {}, { authorization: 'Bearer a' })).status).toBe(429);
    } finally {
      for (const x of [s, exempt]) {
        x.server.close();
        await x.apollo.stop();
      }
    }
  });

  it('keep memory bounded: the least recently seen key is forgotten', () => {
    let now = 0;
    const buckets = new TokenBuckets(1, 1, 100, () => now);
    for (let i = 0; i < 10_000; i++) buckets.take(`client-${i}`);
    expect(buckets.size).toBe(100);
    expect(buckets.take('client-9999')).toBeGreaterThan(0); // recent: still remembered, and empty
    expect(buckets.take('client-0')).toBe(0); // forgotten: a full bucket again
    now += 1000;
    expect(buckets.take('client-9999')).toBe(0);
  });
});
