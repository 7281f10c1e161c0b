import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import type { DataSource } from 'typeorm';
import { openDataSource, seedOnce } from '../src/index';

/** How long a promise took to settle, and with what. */
async function timed(work: Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const started = Date.now();
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  return { ms: Date.now() - started, error };
}

describe('every database call is bounded', () => {
  let dataSource: DataSource;
  let other: DataSource;
  beforeAll(async () => {
    const url = testDatabaseUrl('federess_timeouts');
    dataSource = await openDataSource({
      url,
      entities: [],
      migrations: [],
      sql: { statementTimeoutMs: 300, lockTimeoutMs: 200, connectionTimeoutMs: 500 },
    });
    other = await openDataSource({ url, entities: [], migrations: [], poolSize: 1 });
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await other?.destroy();
  });

  it('applies statement_timeout and lock_timeout to every pooled connection', async () => {
    const rows: { statement_timeout: string; lock_timeout: string }[] = await dataSource.query(
      "SELECT current_setting('statement_timeout') AS statement_timeout, current_setting('lock_timeout') AS lock_timeout",
    );
    expect(rows[0]).toEqual({ statement_timeout: '300ms', lock_timeout: '200ms' });
  });

  it('cancels a statement past FEDERESS_SQL_STATEMENT_TIMEOUT_MS with SQLSTATE 57014', async () => {
    const { ms, error } = await timed(dataSource.query('SELECT pg_sleep(5)'));
    expect(error).toMatchObject({ driverError: { code: '57014' } });
    expect(ms).toBeLessThan(3000);
  });

  it('lets a seed step run past the request timeouts (a large load, or another replica seeding)', async () => {
    const seeded = await seedOnce(dataSource, 'timeouts-long-step', '1', (manager) => manager.query('SELECT pg_sleep(0.6)'));
    expect(seeded).toBe(true);
    // The pool's own bound is back for the next request.
    const { error } = await timed(dataSource.query('SELECT pg_sleep(5)'));
    expect(error).toMatchObject({ driverError: { code: '57014' } });
  });

  it('gives up waiting for a lock past FEDERESS_SQL_LOCK_TIMEOUT_MS with SQLSTATE 55P03', async () => {
    await other.query('CREATE TABLE IF NOT EXISTS verrou (id int)');
    const holder = other.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query('LOCK TABLE verrou IN ACCESS EXCLUSIVE MODE');
      const { ms, error } = await timed(dataSource.query('SELECT * FROM verrou'));
      expect(error).toMatchObject({ driverError: { code: '55P03' } });
      expect(ms).toBeLessThan(3000);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
  });

  it('gives up waiting for a pooled connection past FEDERESS_SQL_CONNECTION_TIMEOUT_MS', async () => {
    const single = await openDataSource({
      url: testDatabaseUrl('federess_timeouts'),
      entities: [],
      migrations: [],
      sql: { poolSize: 1, connectionTimeoutMs: 300 },
    });
    const holder = single.createQueryRunner();
    try {
      await holder.connect();
      const { ms, error } = await timed(single.query('SELECT 1'));
      expect((error as Error).message).toBe('timeout exceeded when trying to connect');
      expect(ms).toBeLessThan(3000);
    } finally {
      await holder.release();
      await single.destroy();
    }
  });

  it('uses the documented default (15 s) when no setting is given', async () => {
    const rows: { statement_timeout: string }[] = await other.query("SELECT current_setting('statement_timeout') AS statement_timeout");
    expect(rows[0]).toEqual({ statement_timeout: '15s' });
  });
});
