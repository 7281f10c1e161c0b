import type { EntityManager } from 'typeorm';
import { appendEvent, entityTag, entityTags, rootFieldTag } from '@federess/events';
import { StatutRencontre } from '../entities/enums';
import type { Inscription } from '../entities/inscription';
import type { Rencontre } from '../entities/rencontre';
import { TypeEvenement } from '../evenements/type-evenement';
import { estComplete, type Inscrits, inscriptionsOuvertes } from './etat-inscriptions';

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

/** What the live feed reads of a rencontre event, beside the columns every outbox has (`donnees`). */
export interface DonneesRencontre {
  readonly clubId: string | null;
  readonly thematiques: readonly string[];
  readonly rencontreType: string | null;
}

/**
 * The collectivités whose participations list the rencontre (a confirmed registration): a change of
 * its dates reorders their lists, a cancellation of a registration may take it out of one.
 */
async function collectivitesInscrites(manager: EntityManager, rencontreId: string): Promise<string[]> {
  const rows: { c: string }[] = await manager.query(
    "SELECT DISTINCT collectivite_id AS c FROM inscription WHERE rencontre_id = $1 AND statut = 'CONFIRMEE' AND collectivite_id IS NOT NULL",
    [rencontreId],
  );
  return rows.map((row) => row.c);
}

/**
 * THE single place where a change of a rencontre is recorded, called by every mutation inside its
 * own transaction as its last write: the outbox event is committed — or rolled back — together with
 * the change it describes, and announced to every replica only once committed. It names what the
 * change may alter in this subgraph: the rencontre, its club (Club.rencontres, prochaineRencontre),
 * the collectivités it is listed for (Collectivite.participations), the registration changed, and
 * the agenda (Query.rencontres; a creation may also answer a Query.rencontre that found nothing).
 */
export async function recordChange(
  manager: EntityManager,
  avant: Rencontre | null,
  apres: Rencontre,
  changement: TypeChangement,
  inscrits: Inscrits | null,
  now?: Date,
  inscription?: Pick<Inscription, 'id' | 'collectiviteId'>,
): Promise<void> {
  const type = typeEvenement(avant, apres, changement, inscrits, now);
  const collectivites = avant ? await collectivitesInscrites(manager, apres.id) : [];
  const donnees: DonneesRencontre = { clubId: apres.clubId, thematiques: apres.thematiques, rencontreType: apres.type };
  await appendEvent(manager, {
    type,
    entite: 'Rencontre',
    entiteId: apres.id,
    region: apres.regionCode,
    revision: apres.revision,
    entites: [
      entityTag('Rencontre', apres.id),
      ...entityTags('Club', [avant?.clubId, apres.clubId]),
      ...entityTags('Collectivite', [...collectivites, inscription?.collectiviteId]),
      ...entityTags('Inscription', [inscription?.id]),
    ],
    listes: [rootFieldTag('rencontres'), ...(avant ? [] : [rootFieldTag('rencontre')])],
    donnees,
  });
}
