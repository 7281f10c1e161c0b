import { readSubgraphSettings } from '@federess/config';
import { StatementCounter } from '@federess/database';
import {
  documentLimitCases,
  expectedLimitProbe,
  type LimitCase,
  type LimitTarget,
  dataOf,
  probeLimitCase,
  SMALL_LIMITS,
} from '@federess/server-kit/testing';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import type { SubgraphServer } from '@federess/subgraph-kit';
import { clubIdOfRegion, REGIONS } from '@federess/vocabulaire';
import { createServer } from '../src/server';
import { post } from '@federess/auth/testing';
import type { Club } from './graph';

describe('subgraph clubs: abuse limits refuse before any SQL', () => {
  const counter = new StatementCounter();
  let server: SubgraphServer;
  let defaults: SubgraphServer;
  let url: string;
  let defaultsUrl: string;

  beforeAll(async () => {
    const databaseUrl = testDatabaseUrl('clubs_limites');
    server = await createServer({ ...readSubgraphSettings('clubs', SMALL_LIMITS), databaseUrl }, { logger: counter });
    url = await server.listen(0);
    defaults = await createServer({ ...readSubgraphSettings('clubs', {}), databaseUrl, seed: false });
    defaultsUrl = await defaults.listen(0);
  });
  afterAll(async () => {
    await defaults?.stop();
    await server?.stop();
  });

  const cases: LimitCase[] = [
    // One club, not the list: a document at the token limit must not be over the cost limit as well.
    ...documentLimitCases(`club(id: "${clubIdOfRegion('BRE')}")`, 'nom'),
    // Depth 4 exactly, then 5.
    {
      kind: 'depth',
      under: { query: `{ club(id: "${clubIdOfRegion('BRE')}") { contacts { organisation { sigle } } } }` },
      over: { query: '{ clubs { collectivitesMembres { clubs { contacts { nom } } } } }' },
    },
    // clubs: 1 + 10 × (animateurs 11 + partenaires 11 + contacts 11 + nom 1 + n) = 341 + 10 n: 391 for 5 leaves, 401 for 6.
    {
      kind: 'cost',
      template: (n) => ({ query: `{ clubs { nom animateurs { nom } partenaires { nom } contacts { nom } ${'id '.repeat(n)} } }` }),
    },
  ];
  it.each(cases.map((c) => [c.kind, c] as const))(
    '%s: just under runs SQL and passes; just over is refused with its code and runs none',
    async (_kind, c) => {
      const target: LimitTarget = {
        url,
        schema: server.schema,
        limits: readSubgraphSettings('clubs', SMALL_LIMITS).limits,
        statements: () => counter.count,
        resetStatements: () => counter.reset(),
      };
      const probe = await probeLimitCase(target, c);
      expect(probe).toEqual(expectedLimitProbe(probe));
    },
  );

  it("keeps federation's _service and _entities working, a gateway-sized entity fetch included", async () => {
    const service = dataOf(await post<{ _service: { sdl: string } }>(defaultsUrl, '{ _service { sdl } }'));
    expect(service._service.sdl).toMatch(/type Club/);
    // What the gateway sends for `region { club { … } }` over all 18 régions: one _entities call,
    // its cost counted by the number of representations (18), not a guessed list size.
    const representations = REGIONS.map((r) => ({ __typename: 'Region', code: r.code }));
    const entities = await post<{ _entities: { club: Club | null }[] }>(
      defaultsUrl,
      'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Region { club { id nom animateurs { nom } contacts { nom } } } } }',
      { representations },
    );
    expect(entities.errors).toBeUndefined();
    const { _entities } = dataOf(entities);
    expect(_entities).toHaveLength(18);
    expect(_entities.flatMap((e) => (e.club ? [e.club.id] : []))).toContain(clubIdOfRegion('BRE'));
  });
});
