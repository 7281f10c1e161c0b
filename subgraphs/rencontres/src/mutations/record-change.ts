import type { EntityManager } from 'typeorm';
import { appendEvent, entityTag, entityTags, rootFieldTag } from '@federess/events';
import { StatutRencontre, TypeEvenement } from '../entities/enums';
import type { Inscription } from '../entities/inscription';
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
async function registeredCollectivites(manager: EntityManager, rencontreId: string): Promise<string[]> {
  const rows = await manager.query<{ c: string }[]>(
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
  before: Rencontre | null,
  after: Rencontre,
  change: ChangeKind,
  places: PlacesTaken | null,
  now?: Date,
  inscription?: Pick<Inscription, 'id' | 'collectiviteId'>,
): Promise<void> {
  const type = evenementType(before, after, change, places, now);
  const collectivites = before ? await registeredCollectivites(manager, after.id) : [];
  const donnees: DonneesRencontre = { clubId: after.clubId, thematiques: after.thematiques, rencontreType: after.type };
  await appendEvent(manager, {
    type,
    entite: 'Rencontre',
    entiteId: after.id,
    region: after.regionCode,
    revision: after.revision,
    entites: [
      entityTag('Rencontre', after.id),
      ...entityTags('Club', [before?.clubId, after.clubId]),
      ...entityTags('Collectivite', [...collectivites, inscription?.collectiviteId]),
      ...entityTags('Inscription', [inscription?.id]),
    ],
    listes: [rootFieldTag('rencontres'), ...(before ? [] : [rootFieldTag('rencontre')])],
    donnees,
  });
}
