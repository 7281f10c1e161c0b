import type { EntityManager } from 'typeorm';
import { appendEvent } from '@federess/events';
import { StatutRencontre, TypeEvenement } from '../entities/enums';
import type { Rencontre } from '../entities/rencontre';
import { inscriptionsOpen, isComplete, type PlacesTaken } from './inscription-state';

/** What a mutation did; with the states before and after, it says which event the feed shows. */
export enum ChangeKind {
  RENCONTRE_CREEE = 'RENCONTRE_CREEE',
  RENCONTRE_MODIFIEE = 'RENCONTRE_MODIFIEE',
  RENCONTRE_ANNULEE = 'RENCONTRE_ANNULEE',
  INSCRIPTION_CREEE = 'INSCRIPTION_CREEE',
  INSCRIPTION_ANNULEE = 'INSCRIPTION_ANNULEE',
}

/**
 * The live-feed event of a change: what a partner front-end needs to know happened, one per change,
 * the most telling first. Fullness and the opening of registration are read from the places and
 * dates (`places` counted under the rencontre's lock; null for a change that does not touch them:
 * a creation, a cancellation), not from the status, so a REPORTEE or DEPLACEE_EN_LIGNE rencontre
 * fills and reopens like a PROGRAMMEE one (see statutForPlaces).
 */
export function evenementType(
  before: Rencontre | null,
  after: Rencontre,
  change: ChangeKind,
  places: PlacesTaken | null,
  now: Date = new Date(),
): TypeEvenement {
  if (!before || change === ChangeKind.RENCONTRE_CREEE) return TypeEvenement.CREEE;
  if (change === ChangeKind.RENCONTRE_ANNULEE) return TypeEvenement.ANNULEE;
  if (before.debut.getTime() !== after.debut.getTime()) return TypeEvenement.REPORTEE;
  if (after.statutEnregistre !== before.statutEnregistre && after.statutEnregistre === StatutRencontre.DEPLACEE_EN_LIGNE)
    return TypeEvenement.DEPLACEE_EN_LIGNE;
  if (places) {
    if (!isComplete(before, places.before) && isComplete(after, places.after)) return TypeEvenement.COMPLETE;
    const openBefore = inscriptionsOpen(before, places.before, now);
    const openAfter = inscriptionsOpen(after, places.after, now);
    if (openBefore && !openAfter) return TypeEvenement.INSCRIPTIONS_FERMEES;
    if (!openBefore && openAfter) return TypeEvenement.INSCRIPTIONS_ROUVERTES;
  }
  if (change === ChangeKind.INSCRIPTION_CREEE) return TypeEvenement.INSCRIPTION_ENREGISTREE;
  if (change === ChangeKind.INSCRIPTION_ANNULEE) return TypeEvenement.INSCRIPTION_ANNULEE;
  return TypeEvenement.MODIFIEE;
}

/**
 * THE single place where a change of a rencontre is recorded, called by every mutation inside its
 * own transaction as its last write: the outbox event is committed — or rolled back — together with
 * the change it describes, and announced to every replica only once committed.
 */
export async function recordChange(
  manager: EntityManager,
  before: Rencontre | null,
  after: Rencontre,
  change: ChangeKind,
  places: PlacesTaken | null,
  now?: Date,
): Promise<void> {
  await appendEvent(manager, {
    type: evenementType(before, after, change, places, now),
    rencontreId: after.id,
    region: after.regionCode,
    clubId: after.clubId,
    thematiques: after.thematiques,
    rencontreType: after.type,
    revision: after.revision,
  });
}
