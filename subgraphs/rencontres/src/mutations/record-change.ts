import type { EntityManager } from 'typeorm';
import { appendEvent } from '@federess/events';
import { StatutRencontre } from '../entities/enums';
import type { Rencontre } from '../entities/rencontre';
import { TypeEvenement } from '../evenements/type-evenement';

/** What a mutation did; with the states before and after, it says which event the feed shows. */
export enum TypeChangement {
  RENCONTRE_CREEE = 'RENCONTRE_CREEE',
  RENCONTRE_MODIFIEE = 'RENCONTRE_MODIFIEE',
  RENCONTRE_ANNULEE = 'RENCONTRE_ANNULEE',
  INSCRIPTION_CREEE = 'INSCRIPTION_CREEE',
  INSCRIPTION_ANNULEE = 'INSCRIPTION_ANNULEE',
}

/** The live-feed event of a change: what a partner front-end needs to know happened. */
export function typeEvenement(avant: Rencontre | null, apres: Rencontre, changement: TypeChangement): TypeEvenement {
  if (!avant || changement === TypeChangement.RENCONTRE_CREEE) return TypeEvenement.CREEE;
  if (changement === TypeChangement.RENCONTRE_ANNULEE) return TypeEvenement.ANNULEE;
  if (avant.debut.getTime() !== apres.debut.getTime()) return TypeEvenement.REPORTEE;
  if (apres.statutEnregistre !== avant.statutEnregistre) {
    if (apres.statutEnregistre === StatutRencontre.DEPLACEE_EN_LIGNE) return TypeEvenement.DEPLACEE_EN_LIGNE;
    if (apres.statutEnregistre === StatutRencontre.COMPLETE) return TypeEvenement.COMPLETE;
    if (avant.statutEnregistre === StatutRencontre.COMPLETE) return TypeEvenement.INSCRIPTIONS_ROUVERTES;
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
export async function recordChange(manager: EntityManager, avant: Rencontre | null, apres: Rencontre, changement: TypeChangement): Promise<void> {
  await appendEvent(manager, {
    type: typeEvenement(avant, apres, changement),
    rencontreId: apres.id,
    region: apres.regionCode,
    clubId: apres.clubId,
    thematiques: apres.thematiques,
    rencontreType: apres.type,
    revision: apres.revision,
  });
}
