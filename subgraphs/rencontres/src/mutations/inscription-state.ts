import { StatutRencontre } from '../entities/enums';
import type { Rencontre } from '../entities/rencontre';

/** Confirmed registrations of a rencontre before and after a change (equal when the change registers no one). */
export interface Inscrits {
  readonly avant: number;
  readonly apres: number;
}

type Places = Pick<Rencontre, 'capacite'>;
type Ouverture = Pick<Rencontre, 'capacite' | 'statutEnregistre' | 'fin' | 'dateLimiteInscription'>;

/** Full is a matter of places, whatever the status says of dates or format. */
export function estComplete(r: Places, inscrits: number): boolean {
  return r.capacite !== null && inscrits >= r.capacite;
}

/** Whether a person could register now: the rules inscrire enforces (not cancelled, not over, before the deadline, a place left). */
export function inscriptionsOuvertes(r: Ouverture, inscrits: number, now: Date): boolean {
  return (
    r.statutEnregistre !== StatutRencontre.ANNULEE &&
    r.fin.getTime() >= now.getTime() &&
    (r.dateLimiteInscription === null || r.dateLimiteInscription.getTime() >= now.getTime()) &&
    !estComplete(r, inscrits)
  );
}

/**
 * The written status once places are counted. It holds one value, the most telling: ANNULEE, then
 * REPORTEE and DEPLACEE_EN_LIGNE (which a client must not miss), then COMPLETE, then PROGRAMMEE. So
 * COMPLETE is a full PROGRAMMEE rencontre; a full REPORTEE one stays REPORTEE (placesRestantes says
 * it is full), and the feed tells the change of places from the counts, not from the status.
 */
export function statutSelonPlaces(statut: StatutRencontre, complete: boolean): StatutRencontre {
  if (statut === StatutRencontre.PROGRAMMEE && complete) return StatutRencontre.COMPLETE;
  if (statut === StatutRencontre.COMPLETE && !complete) return StatutRencontre.PROGRAMMEE;
  return statut;
}

/** Whether a change fills or frees the last place, or opens or closes registration: a significant change (revision). */
export function ouvertureChange(avant: Ouverture, apres: Ouverture, inscrits: Inscrits, now: Date): boolean {
  return (
    estComplete(avant, inscrits.avant) !== estComplete(apres, inscrits.apres) ||
    inscriptionsOuvertes(avant, inscrits.avant, now) !== inscriptionsOuvertes(apres, inscrits.apres, now)
  );
}
