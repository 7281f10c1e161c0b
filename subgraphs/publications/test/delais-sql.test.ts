import { readSubgraphSettings } from '@federess/config';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import type { SubgraphServer } from '@federess/subgraph-kit';
import { createServer } from '../src/server';
import { post } from './graph';

/**
 * A statement that waits on a lock held elsewhere (a stuck migration, a long transaction) is cut by
 * the SQL timeouts, and the client gets TIMEOUT in a well-formed answer, not a request that hangs.
 */
describe('subgraph publications: SQL timeouts', () => {
  const databaseUrl = testDatabaseUrl('publications_delais');
  let parLeVerrou: SubgraphServer;
  let parLaDuree: SubgraphServer;

  beforeAll(async () => {
    // The lock wait ends by lock_timeout (55P03) on one, by statement_timeout (57014) on the other.
    parLeVerrou = await createServer({ ...readSubgraphSettings('publications', { FEDERESS_SQL_LOCK_TIMEOUT_MS: '300' }), databaseUrl });
    parLaDuree = await createServer({
      ...readSubgraphSettings('publications', {
        FEDERESS_MODE: 'production',
        FEDERESS_JWT_SECRET: 'secret-des-tests-de-delais-sql-0123456789abc',
        FEDERESS_GATEWAY_SECRET: 'secret-passerelle-des-tests-de-delais-0123456789',
        FEDERESS_SQL_STATEMENT_TIMEOUT_MS: '300',
      }),
      databaseUrl,
      seed: false,
    });
  });
  afterAll(async () => {
    await parLaDuree?.stop();
    await parLeVerrou?.stop();
  });

  it.each([
    ['lock_timeout', () => parLeVerrou],
    ['statement_timeout, in production mode', () => parLaDuree],
  ])('%s: the client gets TIMEOUT quickly, and the subgraph answers again once the lock is gone', async (_what, server) => {
    const url = await server().listen(0);
    const holder = server().dataSource.createQueryRunner();
    await holder.connect();
    // Bounds the holder itself: without it, the holder's LOCK would also be cut at 300 ms on parLaDuree.
    await holder.startTransaction();
    try {
      await holder.query('SET LOCAL statement_timeout = 0');
      await holder.query('SET LOCAL lock_timeout = 0');
      await holder.query('LOCK TABLE publication IN ACCESS EXCLUSIVE MODE');
      const started = Date.now();
      const reponse = await post(url, '{ publications(first: 1) { totalCount } }');
      expect(Date.now() - started).toBeLessThan(5000);
      expect(reponse.data).toBeNull();
      expect(reponse.errors?.map((e) => [e.extensions?.code, e.message])).toContainEqual([
        'TIMEOUT',
        "La base de données n'a pas répondu à temps ; réessayez plus tard.",
      ]);
      expect(JSON.stringify(reponse)).not.toMatch(/canceling|lock timeout|statement timeout/);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    expect((await post(url, '{ publications(first: 1) { totalCount } }')).errors).toBeUndefined();
  });
});
