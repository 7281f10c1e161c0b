import type { SubgraphSettings } from '@federess/config';
import type { DataSource } from 'typeorm';
import { seedOnce } from '@federess/database';
import { AGENDA_CLUBS, INSCRIPTIONS_EXEMPLE } from './agenda-clubs';
import { loadInscription, loadRencontre } from './load';
import { RENCONTRES_DOCUMENTEES } from './rencontres-documentees';
import { logOf } from '@federess/observability';

// Bump a version to reload its step on the next start.
const RENCONTRES_VERSION = '2';
const AGENDA_EXEMPLE_VERSION = '2';

/** The documented rencontres; with FEDERESS_SAMPLE_AGENDA, also the invented sample agenda and its registrations. */
export async function seed(dataSource: DataSource, settings: Pick<SubgraphSettings, 'sampleAgenda'>): Promise<void> {
  if (
    await seedOnce(dataSource, 'rencontres', RENCONTRES_VERSION, async (manager) => {
      for (const rencontre of RENCONTRES_DOCUMENTEES) await loadRencontre(manager, rencontre);
    })
  ) {
    logOf('seed').info(`${RENCONTRES_DOCUMENTEES.length} rencontres seeded`);
  }
  if (!settings.sampleAgenda) return;
  if (
    await seedOnce(dataSource, 'agenda-exemple', AGENDA_EXEMPLE_VERSION, async (manager) => {
      for (const rencontre of AGENDA_CLUBS) await loadRencontre(manager, rencontre);
      for (const inscription of INSCRIPTIONS_EXEMPLE) await loadInscription(manager, inscription);
    })
  ) {
    logOf('seed').info(`sample agenda seeded: ${AGENDA_CLUBS.length} rencontres, ${INSCRIPTIONS_EXEMPLE.length} example registrations`);
  }
}
