import type { EntityManager } from 'typeorm';
import { appendEvent, entityTag, rootFieldTag } from '@federess/events';
import type { Collectivite } from '../entities/collectivite';

/** What a change of a collectivité was: the referential itself is loaded, only RTES membership is written. */
export const ADHESION_MODIFIEE = 'ADHESION_MODIFIEE';

/**
 * Writes the event of a change of a collectivité's membership in its transaction, as its last write
 * (see appendEvent). It names the collectivité (every field that lists it shows it by its key) and
 * `Query.collectivites` (the `adherente` filter).
 */
export async function recordCollectiviteChange(manager: EntityManager, collectivite: Collectivite): Promise<void> {
  await appendEvent(manager, {
    type: ADHESION_MODIFIEE,
    entite: 'Collectivite',
    entiteId: collectivite.id,
    region: collectivite.regionCode,
    revision: null,
    entites: [entityTag('Collectivite', collectivite.id)],
    listes: [rootFieldTag('collectivites')],
    donnees: { adherente: collectivite.adherente },
  });
}
