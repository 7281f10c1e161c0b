import type { DataSource } from 'typeorm';
import { seedOnce } from '@federess/database';
import { loadPetr, markAdherentes } from './adherentes';
import { loadCog } from './cog';
import { logOf } from '@federess/observability';

// Bump a version to reload its step on the next start.
const COG_VERSION = 'decoupage-administratif@6.0.0/1';
const ADHERENTES_VERSION = '1';

export async function seed(dataSource: DataSource): Promise<void> {
  if (await seedOnce(dataSource, 'cog', COG_VERSION, loadCog)) {
    // Fresh statistics at once: until autovacuum gets to it, the planner takes the just-filled table
    // for an empty one, and the first searches of a new hub scan all 36,000 rows.
    await dataSource.query('ANALYZE collectivite');
    logOf('seed').info('COG referential loaded');
  }
  await seedOnce(dataSource, 'adherentes', ADHERENTES_VERSION, async (manager) => {
    await loadPetr(manager);
    await markAdherentes(manager);
  });
}
