import type { DataSource } from 'typeorm';
import { seedOnce } from '@federess/database';
import { loadClubs, loadOrganisations } from './load';
import { logOf } from '@federess/observability';

// Bump to reload the seed clubs on the next start.
const CLUBS_VERSION = '1';

export async function seed(dataSource: DataSource): Promise<void> {
  const loaded = await seedOnce(dataSource, 'clubs', CLUBS_VERSION, async (manager) => {
    await loadOrganisations(manager);
    await loadClubs(manager);
  });
  if (loaded) logOf('seed').info('seed clubs loaded');
}
