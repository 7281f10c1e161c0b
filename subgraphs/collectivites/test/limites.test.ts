import { GATEWAY_HEADER } from '@federess/auth';
import { readSubgraphSettings } from '@federess/config';
import { StatementCounter } from '@federess/database';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import {
  documentLimitCases,
  expectedLimitProbe,
  type LimitCase,
  type LimitTarget,
  dataOf,
  graphqlRequest,
  probeLimitCase,
  SMALL_LIMITS,
} from '@federess/server-kit/testing';
import type { SubgraphServer } from '@federess/subgraph-kit';
import { createServer } from '../src/server';

const PRODUCTION = {
  FEDERESS_MODE: 'production',
  FEDERESS_JWT_SECRET: 'secret-des-tests-collectivites-en-production-0123456789',
  FEDERESS_GATEWAY_SECRET: 'secret-passerelle-des-tests-collectivites-0123456789',
};

describe('subgraph collectivites: abuse limits refuse before any SQL', () => {
  const counter = new StatementCounter();
  const databaseUrl = testDatabaseUrl('collectivites_limites');
  let server: SubgraphServer;
  let production: SubgraphServer;
  let url: string;
  let productionUrl: string;

  beforeAll(async () => {
    server = await createServer({ ...readSubgraphSettings('collectivites', SMALL_LIMITS), databaseUrl }, { logger: counter });
    url = await server.listen(0);
    production = await createServer({ ...readSubgraphSettings('collectivites', PRODUCTION), databaseUrl, seed: false });
    productionUrl = await production.listen(0);
  });
  afterAll(async () => {
    await production?.stop();
    await server?.stop();
  });

  const cases: LimitCase[] = [
    ...documentLimitCases('collectivites(first: 1)', 'totalCount'),
    // Depth 4 exactly (collectivites, edges, node, nom), then 5.
    {
      kind: 'depth',
      under: { query: '{ collectivites(first: 2) { edges { node { nom } } } }' },
      over: { query: '{ collectivites(first: 2) { edges { node { region { nom } } } } }' },
    },
    // 1 + n × (totalCount 1 + edges 1 + node (1 + nom, code, type 3)) = 1 + 6 n: 397 for 66, 403 for 67, within the depth of 4.
    { kind: 'cost', template: (n) => ({ query: `{ collectivites(first: ${n}) { totalCount edges { node { nom code type } } } }` }) },
  ];
  it.each(cases.map((c) => [c.kind, c] as const))(
    '%s: just under runs SQL and passes; just over is refused with its code and runs none',
    async (_kind, c) => {
      const target: LimitTarget = {
        url,
        schema: server.schema,
        limits: readSubgraphSettings('collectivites', SMALL_LIMITS).limits,
        statements: () => counter.count,
        resetStatements: () => counter.reset(),
      };
      const probe = await probeLimitCase(target, c);
      expect(probe).toEqual(expectedLimitProbe(probe));
    },
  );

  it('answers _service { sdl } in production only to the gateway, with its secret', async () => {
    const ask = (headers: Record<string, string>) =>
      graphqlRequest<{ schema: { sdl: string } }>(productionUrl, 'query { ... on Query { schema: _service { sdl } } }', {}, headers);
    const refused = await ask({});
    expect(refused.status).toBe(403);
    expect(refused.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(refused.body)).not.toMatch(/type Collectivite/);
    // A false gateway claim is refused before anything else, as on every other request.
    expect((await ask({ [GATEWAY_HEADER]: 'pas-le-secret' })).body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    const gateway = await ask({ [GATEWAY_HEADER]: PRODUCTION.FEDERESS_GATEWAY_SECRET });
    expect(gateway.status).toBe(200);
    expect(dataOf(gateway.body).schema.sdl).toMatch(/type Collectivite/);
    // In development mode, as before: composition tools may ask any subgraph.
    expect(dataOf((await graphqlRequest<{ _service: { sdl: string } }>(url, '{ _service { sdl } }')).body)._service.sdl).toMatch(
      /type Collectivite/,
    );
  });
});
