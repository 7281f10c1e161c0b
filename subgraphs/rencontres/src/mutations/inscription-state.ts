import type { EntityManager } from 'typeorm';
import { StatutRencontre } from '../entities/enums';
import { Rencontre } from '../entities/rencontre';

/** Confirmed registrations of a rencontre before and after a change (equal when the change registers no one). */
export interface PlacesTaken {
  readonly before: number;
  readonly after: number;
}

type Places = Pick<Rencontre, 'capacite'>;
type Opening = Pick<Rencontre, 'capacite' | 'statutEnregistre' | 'fin' | 'dateLimiteInscription'>;

/** Full is a matter of places, whatever the status says of dates or format. */
export function isComplete(r: Places, inscrits: number): boolean {
  return r.capacite !== null && inscrits >= r.capacite;
}

/** Whether a person could register now: the rules inscrire enforces (not cancelled, not over, before the deadline, a place left). */
export function inscriptionsOpen(r: Opening, inscrits: number, now: Date): boolean {
  return (
    r.statutEnregistre !== StatutRencontre.ANNULEE &&
    r.fin.getTime() >= now.getTime() &&
    (r.dateLimiteInscription === null || r.dateLimiteInscription.getTime() >= now.getTime()) &&
    !isComplete(r, inscrits)
  );
}

/**
 * The written status once places are counted. It holds one value, the most telling: ANNULEE, then
 * REPORTEE and DEPLACEE_EN_LIGNE (which a client must not miss), then COMPLETE, then PROGRAMMEE. So
 * COMPLETE is a full PROGRAMMEE rencontre; a full REPORTEE one stays REPORTEE (placesRestantes says
 * it is full), and the feed tells the change of places from the counts, not from the status.
 */
export function statutForPlaces(statut: StatutRencontre, complete: boolean): StatutRencontre {
  if (statut === StatutRencontre.PROGRAMMEE && complete) return StatutRencontre.COMPLETE;
  if (statut === StatutRencontre.COMPLETE && !complete) return StatutRencontre.PROGRAMMEE;
  return statut;
}

/** Whether a change fills or frees the last place, or opens or closes registration: a significant change (revision). */
export function openingChanged(before: Opening, after: Opening, places: PlacesTaken, now: Date): boolean {
  return (
    isComplete(before, places.before) !== isComplete(after, places.after) ||
    inscriptionsOpen(before, places.before, now) !== inscriptionsOpen(after, places.after, now)
  );
}

/**
 * After a registration or its cancellation on the locked rencontre `r`: when taking or freeing a
 * place fills it, reopens it or closes its registration, its status follows the places and its
 * revision goes up (whatever its status: a REPORTEE rencontre fills too). Returns the rencontre as it now is.
 */
export async function followPlaces(manager: EntityManager, r: Rencontre, places: PlacesTaken, now: Date): Promise<Rencontre> {
  if (!openingChanged(r, r, places, now)) return r;
  const after: Rencontre = {
    ...r,
    statutEnregistre: statutForPlaces(r.statutEnregistre, isComplete(r, places.after)),
    revision: r.revision + 1,
    modifieLe: now,
  };
  await manager.update(Rencontre, { id: r.id }, { statutEnregistre: after.statutEnregistre, revision: after.revision, modifieLe: now });
  return after;
}
