import type { EntityManager } from 'typeorm';
import { appendEvent } from '@federess/events';
import { StatutRencontre } from '../entities/enums';
import type { Rencontre } from '../entities/rencontre';
import { TypeEvenement } from '../entities/type-evenement';
import { estComplete, type Inscrits, inscriptionsOuvertes } from './inscription-state';

/** What a mutation did; with the states before and after, it says which event the feed shows. */
export enum TypeChangement {
  RENCONTRE_CREEE = 'RENCONTRE_CREEE',
  RENCONTRE_MODIFIEE = 'RENCONTRE_MODIFIEE',
  RENCONTRE_ANNULEE = 'RENCONTRE_ANNULEE',
  INSCRIPTION_CREEE = 'INSCRIPTION_CREEE',
  INSCRIPTION_ANNULEE = 'INSCRIPTION_ANNULEE',
}

/**
 * The live-feed event of a change: what a partner front-end needs to know happened, one per change,
 * the most telling first. Fullness and the opening of registration are read from the places and
 * dates (`inscrits` counted under the rencontre's lock; null for a change that does not touch them:
 * a creation, a cancellation), not from the status, so a REPORTEE or DEPLACEE_EN_LIGNE rencontre
 * fills and reopens like a PROGRAMMEE one (see statutSelonPlaces).
 */
export function typeEvenement(
  avant: Rencontre | null,
  apres: Rencontre,
  changement: TypeChangement,
  inscrits: Inscrits | null,
  now: Date = new Date(),
): TypeEvenement {
  if (!avant || changement === TypeChangement.RENCONTRE_CREEE) return TypeEvenement.CREEE;
  if (changement === TypeChangement.RENCONTRE_ANNULEE) return TypeEvenement.ANNULEE;
  if (avant.debut.getTime() !== apres.debut.getTime()) return TypeEvenement.REPORTEE;
  if (apres.statutEnregistre !== avant.statutEnregistre && apres.statutEnregistre === StatutRencontre.DEPLACEE_EN_LIGNE)
    return TypeEvenement.DEPLACEE_EN_LIGNE;
  if (inscrits) {
    if (!estComplete(avant, inscrits.avant) && estComplete(apres, inscrits.apres)) return TypeEvenement.COMPLETE;
    const ouvertesAvant = inscriptionsOuvertes(avant, inscrits.avant, now);
    const ouvertesApres = inscriptionsOuvertes(apres, inscrits.apres, now);
    if (ouvertesAvant && !ouvertesApres) return TypeEvenement.INSCRIPTIONS_FERMEES;
    if (!ouvertesAvant && ouvertesApres) return TypeEvenement.INSCRIPTIONS_ROUVERTES;
  }
  if (changement === TypeChangement.INSCRIPTION_CREEE) return TypeEvenement.INSCRIPTION_ENREGISTREE;
  if (changement === TypeChangement.INSCRIPTION_ANNULEE) return TypeEvenement.INSCRIPTION_ANNULEE;
  return TypeEvenement.MODIFIEE;
}

/**
 * THE single place where a change of a rencontre is recorded, called by every mutation inside its
 * own transaction as its last write: the outbox event is committed — or rolled back — together with
 * the change it describes, and announced to every replica only once committed.
 */
export async function recordChange(
  manager: EntityManager,
  avant: Rencontre | null,
  apres: Rencontre,
  changement: TypeChangement,
  inscrits: Inscrits | null,
  now?: Date,
): Promise<void> {
  await appendEvent(manager, {
    type: typeEvenement(avant, apres, changement, inscrits, now),
    rencontreId: apres.id,
    region: apres.regionCode,
    clubId: apres.clubId,
    thematiques: apres.thematiques,
    rencontreType: apres.type,
    revision: apres.revision,
  });
}
