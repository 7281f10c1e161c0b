import type { DataSource } from 'typeorm';
import { seedOnce } from '@federess/database';
import { loadPetr, markAdherentes } from './adherentes';
import { loadCog } from './cog';

// Bump a version to reload its step on the next start.
const COG_VERSION = 'decoupage-administratif@6.0.0/1';
const ADHERENTES_VERSION = '1';

export async function seed(dataSource: DataSource): Promise<void> {
  if (await seedOnce(dataSource, 'cog', COG_VERSION, loadCog)) console.log('[collectivites] COG referential loaded');
  await seedOnce(dataSource, 'adherentes', ADHERENTES_VERSION, async (manager) => {
    await loadPetr(manager);
    await markAdherentes(manager);
  });
}
