import { readLimitSettings } from '@federess/config';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from './helpers';

/** The first answer to a subscription: errors it was refused with, or 'ouverte' once it is live. */
function firstAnswer(client: Client, query: string): Promise<{ message: string; extensions?: Record<string, unknown> }[] | 'ouverte'> {
  return new Promise((resolve) => {
    const stop = client.subscribe(
      { query },
      {
        next: () => undefined,
        error: (error) => resolve(Array.isArray(error) ? error : [{ message: String(error) }]),
        complete: () => undefined,
      },
    );
    // Not refused within half a second: the subscription is live (it only sends on new events).
    setTimeout(() => {
      stop();
      resolve('ouverte');
    }, 500);
  });
}

describe('subgraph rencontres: the live feed applies the abuse limits before any SQL', () => {
  let t: TestServer;
  let client: Client;
  beforeAll(async () => {
    t = await startTestServer('rencontres_limites_flux', {
      seed: false,
      limits: readLimitSettings({ FEDERESS_MAX_DEPTH: '4', FEDERESS_MAX_ALIASES: '2', FEDERESS_MAX_COST: '30', FEDERESS_MAX_TOKENS: '40' }),
    });
    client = createClient({ url: t.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
  });
  afterAll(async () => {
    await client?.dispose();
    await t?.stop();
  });

  it.each([
    ['depth', 'subscription { rencontresEnDirect { rencontre { sessions { lieu { nom } } } } }', 'DEPTH_LIMIT_EXCEEDED'],
    ['aliases', 'subscription { rencontresEnDirect { a: id b: id c: id } }', 'ALIAS_LIMIT_EXCEEDED'],
    // 1 + (rencontre 1 + (sessions 1 + 10 × 1) + (intervenants 1 + 10 × 1) + (inscriptions 1 + 10 × 1)) = 35.
    [
      'cost',
      'subscription { rencontresEnDirect { rencontre { sessions { debut } intervenants { nom } inscriptions { email } } } }',
      'COST_LIMIT_EXCEEDED',
    ],
    ['tokens', `subscription { rencontresEnDirect { ${'id '.repeat(40)} } }`, 'TOKEN_LIMIT_EXCEEDED'],
  ])('refuses a subscription over the %s limit with its code, without SQL', async (what, query, code) => {
    t.counter.reset();
    const answer = await firstAnswer(client, query);
    expect(answer).not.toBe('ouverte');
    expect((answer as { extensions?: Record<string, unknown> }[]).map((e) => e.extensions?.code)).toEqual([code]);
    expect({ what, statements: t.counter.count }).toEqual({ what, statements: 0 });
  });

  it('lets a subscription within the limits open', async () => {
    expect(await firstAnswer(client, 'subscription { rencontresEnDirect { id type rencontre { titre } } }')).toBe('ouverte');
  });
});
