import type { DataSource } from 'typeorm';
import { seedOnce } from '@federess/database';
import { AGENDA_CLUBS, INSCRIPTIONS_EXEMPLE } from './agenda-clubs';
import { ecrireInscription, ecrireRencontre } from './ecrire';
import { RENCONTRES_DOCUMENTEES } from './rencontres-documentees';

// Bump a version to reload its step on the next start.
const RENCONTRES_VERSION = '1';
const INSCRIPTIONS_VERSION = '1';

export async function seed(dataSource: DataSource): Promise<void> {
  const rencontres = [...RENCONTRES_DOCUMENTEES, ...AGENDA_CLUBS];
  if (
    await seedOnce(dataSource, 'rencontres', RENCONTRES_VERSION, async (manager) => {
      for (const rencontre of rencontres) await ecrireRencontre(manager, rencontre);
    })
  ) {
    console.log(`[rencontres] ${rencontres.length} rencontres seeded`);
  }
  await seedOnce(dataSource, 'inscriptions-exemple', INSCRIPTIONS_VERSION, async (manager) => {
    for (const inscription of INSCRIPTIONS_EXEMPLE) await ecrireInscription(manager, inscription);
  });
}
