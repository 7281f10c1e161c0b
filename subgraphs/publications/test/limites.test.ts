import { readSubgraphSettings } from '@federess/config';
import { StatementCounter } from '@federess/database';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import {
  documentLimitCases,
  expectedLimitProbe,
  type LimitCase,
  type LimitTarget,
  probeLimitCase,
  SMALL_LIMITS,
} from '@federess/server-kit/testing';
import type { SubgraphServer } from '@federess/subgraph-kit';
import { createServer } from '../src/server';

describe('subgraph publications: abuse limits refuse before any SQL', () => {
  const counter = new StatementCounter();
  let server: SubgraphServer;
  let url: string;

  beforeAll(async () => {
    server = await createServer(
      { ...readSubgraphSettings('publications', SMALL_LIMITS), databaseUrl: testDatabaseUrl('publications_limites') },
      { logger: counter },
    );
    url = await server.listen(0);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const cases: LimitCase[] = [
    ...documentLimitCases('publications(first: 1)', 'totalCount'),
    // Depth 4 exactly (publications, edges, node, titre), then 5.
    {
      kind: 'depth',
      under: { query: '{ publications(first: 2) { edges { node { titre } } } }' },
      over: { query: '{ publications(first: 2) { edges { node { club { id } } } } }' },
    },
    // 1 + n × (edges 1 + node (1 + titre 1 + thematiques 1)) = 1 + 4 n: 397 for 99, 401 for 100.
    { kind: 'cost', template: (n) => ({ query: `{ publications(first: ${n}) { edges { node { titre thematiques } } } }` }) },
  ];
  it.each(cases.map((c) => [c.kind, c] as const))(
    '%s: just under runs SQL and passes; just over is refused with its code and runs none',
    async (_kind, c) => {
      const target: LimitTarget = {
        url,
        schema: server.schema,
        limits: readSubgraphSettings('publications', SMALL_LIMITS).limits,
        statements: () => counter.count,
        resetStatements: () => counter.reset(),
      };
      const probe = await probeLimitCase(target, c);
      expect(probe).toEqual(expectedLimitProbe(probe));
    },
  );
});
