import { readSubgraphSettings } from '@federess/config';
import { StatementCounter } from '@federess/database';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import type { SubgraphServer } from '@federess/subgraph-kit';
import { clubIdOfRegion, REGIONS } from '@federess/vocabulaire';
import { createServer } from '../src/server';
import { post } from './graphql';

/** Small limits, so that "just under" and "just over" are short operations. */
const LIMITS = {
  FEDERESS_MAX_DEPTH: '4',
  FEDERESS_MAX_ALIASES: '3',
  FEDERESS_MAX_ROOT_FIELDS: '3',
  FEDERESS_MAX_TOKENS: '80',
  FEDERESS_MAX_DIRECTIVES: '2',
  FEDERESS_MAX_COST: '400',
};

describe('subgraph clubs: abuse limits refuse before any SQL', () => {
  const counter = new StatementCounter();
  let server: SubgraphServer;
  let defaults: SubgraphServer;
  let url: string;
  let defaultsUrl: string;

  beforeAll(async () => {
    const databaseUrl = testDatabaseUrl('clubs_limites');
    server = await createServer({ ...readSubgraphSettings('clubs', LIMITS), databaseUrl }, { logger: counter });
    url = await server.listen(0);
    defaults = await createServer({ ...readSubgraphSettings('clubs', {}), databaseUrl, seed: false });
    defaultsUrl = await defaults.listen(0);
  });
  afterAll(async () => {
    await defaults?.stop();
    await server?.stop();
  });

  it.each([
    ['depth', `{ club(id: "${clubIdOfRegion('BRE')}") { contacts { organisation { sigle } } } }`, '{ clubs { collectivitesMembres { clubs { contacts { nom } } } } }', 'DEPTH_LIMIT_EXCEEDED'],
    ['aliases', '{ a: clubs { b: nom c: nom } }', '{ a: clubs { b: nom c: nom d: nom } }', 'ALIAS_LIMIT_EXCEEDED'],
    ['root fields', '{ clubs { nom } organisations { nom } __typename }', '{ clubs { nom } organisations { nom } __typename autres: organisations { nom } }', 'ROOT_FIELD_LIMIT_EXCEEDED'],
    ['tokens', '{ clubs { nom } }', `{ clubs { ${'nom '.repeat(80)} } }`, 'TOKEN_LIMIT_EXCEEDED'],
    ['directives', '{ clubs @include(if: true) { nom @skip(if: false) } }', '{ clubs @include(if: true) { nom @skip(if: false) id @skip(if: false) } }', 'DIRECTIVE_LIMIT_EXCEEDED'],
    // clubs: 1 + 10 × (animateurs 11 + partenaires 11 + contacts 11 + nom 1) = 341; one more list: 451.
    ['cost', '{ clubs { nom animateurs { nom } partenaires { nom } contacts { nom } } }', '{ clubs { nom animateurs { nom } partenaires { nom } contacts { nom } collectivitesMembres { id } } }', 'COST_LIMIT_EXCEEDED'],
  ])('%s: just under runs SQL and passes; just over is refused with its code and runs none', async (_what, under, over, code) => {
    counter.reset();
    const ok = await post(url, under);
    expect(ok.errors).toBeUndefined();
    expect(ok.data).toEqual(expect.any(Object));
    expect(counter.count).toBeGreaterThan(0);

    counter.reset();
    const refused = await post(url, over);
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual([code]);
    expect(refused.data).toBeUndefined();
    expect(counter.count).toBe(0);
  });

  it("keeps federation's _service and _entities working, a gateway-sized entity fetch included", async () => {
    const service = await post(defaultsUrl, '{ _service { sdl } }');
    expect(service.errors).toBeUndefined();
    expect(service.data._service.sdl).toMatch(/type Club/);
    // What the gateway sends for `region { club { … } }` over all 18 régions: one _entities call,
    // its cost counted by the number of representations (18), not a guessed list size.
    const representations = REGIONS.map((r) => ({ __typename: 'Region', code: r.code }));
    const entities = await post(
      defaultsUrl,
      'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Region { club { id nom animateurs { nom } contacts { nom } } } } }',
      { representations },
    );
    expect(entities.errors).toBeUndefined();
    expect(entities.data._entities).toHaveLength(18);
    expect(entities.data._entities.filter((e: { club: { id: string } | null }) => e.club).map((e: { club: { id: string } }) => e.club.id)).toContain(clubIdOfRegion('BRE'));
  });
});
