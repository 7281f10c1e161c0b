import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a seed step once per version: a restart with the same version skips it (fast warm starts),
 * a new version runs it again. The step itself must be idempotent (upserts), because a crash between
 * the step and the bookkeeping would run it twice.
 */
export async function seedOnce(
  dataSource: DataSource,
  key: string,
  version: string,
  step: (manager: EntityManager) => Promise<unknown>,
): Promise<boolean> {
  await dataSource.query(
    'CREATE TABLE IF NOT EXISTS seed_state (key text PRIMARY KEY, version text NOT NULL, seeded_at timestamptz NOT NULL DEFAULT now())',
  );
  const rows: { version: string }[] = await dataSource.query('SELECT version FROM seed_state WHERE key = $1', [key]);
  if (rows[0]?.version === version) return false;
  await dataSource.transaction(async (manager) => {
    // The pool's timeouts bound requests; a seed may upsert 36,000 rows, or wait for another replica
    // seeding the same rows at the same start, as migrations do.
    await manager.query('SET LOCAL statement_timeout = 0');
    await manager.query('SET LOCAL lock_timeout = 0');
    await step(manager);
    await manager.query(
      `INSERT INTO seed_state (key, version) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET version = EXCLUDED.version, seeded_at = now()`,
      [key, version],
    );
  });
  return true;
}
