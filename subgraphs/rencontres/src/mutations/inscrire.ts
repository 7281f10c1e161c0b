import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Viewer } from '@federess/auth';
import { ClientError, ErrorCode, conflict, uniqueViolation } from '@federess/server-kit';
import {
  assertWritableRegion,
  email,
  optionalText,
  type OwnerSubgraphs,
  parseCollectiviteId,
  parseUuid,
  requireKnownCollectivites,
  requiredText,
} from '@federess/subgraph-kit';
import { StatutInscription, StatutRencontre } from '../entities/enums';
import { Inscription } from '../entities/inscription';
import type { InscriptionInput } from '../inputs/inscription-input';
import { LIMITS } from '../inputs/validate-rencontre';
import { followPlaces, type PlacesTaken } from './inscription-state';
import { ChangeKind, recordChange } from './record-change';
import { countInscrits, lockRencontre } from './rencontre-writes';
import { inscriptionCollectivite, requireInscriptionRight } from './rights';

/**
 * inscrire: registers one person. The rencontre's row is locked (SELECT … FOR UPDATE) before the
 * confirmed registrations are counted, so concurrent registrations queue on that lock and the
 * capacity is never exceeded. Taking the last place fills the rencontre (COMPLETE, see statutForPlaces).
 * A `collectiviteId` given must be known to the collectivites subgraph (asked before the lock is
 * taken); an adherent's own collectivité, which its signed token names, is not asked again.
 */
export async function inscrire(
  dataSource: DataSource,
  scope: string | undefined,
  viewer: Viewer,
  rencontreId: string,
  input: InscriptionInput,
  owners: OwnerSubgraphs,
): Promise<Inscription> {
  const id = parseUuid(rencontreId, 'rencontreId', 'de rencontre');
  const personne = {
    prenom: requiredText(input.prenom, 'prenom', LIMITS.nom),
    nom: requiredText(input.nom, 'nom', LIMITS.nom),
    // Lower-cased: one person registers once, however the address is written.
    email: email(input.email, 'email').toLowerCase(),
    qualite: input.qualite,
    fonction: optionalText(input.fonction, 'fonction', LIMITS.nom),
    collectiviteId: inscriptionCollectivite(
      viewer,
      input.collectiviteId ? parseCollectiviteId(input.collectiviteId, 'collectiviteId') : null,
    ),
  };
  if (input.collectiviteId && personne.collectiviteId) {
    await requireKnownCollectivites(owners, [{ id: personne.collectiviteId, champ: 'collectiviteId' }]);
  }
  try {
    return await dataSource.transaction(async (manager) => {
      const r = await lockRencontre(manager, id);
      assertWritableRegion(scope, r.regionCode);
      requireInscriptionRight(viewer, 'inscrire une personne', r.regionCode, personne.collectiviteId);
      const now = new Date();
      if (r.statutEnregistre === StatutRencontre.ANNULEE)
        throw conflict(`La rencontre « ${r.titre} » est annulée : inscription impossible.`);
      if (r.fin.getTime() < now.getTime()) throw conflict(`La rencontre « ${r.titre} » est passée : inscription impossible.`);
      if (r.dateLimiteInscription && r.dateLimiteInscription.getTime() < now.getTime()) {
        throw conflict(`Les inscriptions à « ${r.titre} » sont closes depuis le ${r.dateLimiteInscription.toISOString()}.`);
      }
      const alreadyRegistered = await manager
        .getRepository(Inscription)
        .createQueryBuilder('i')
        .where('i.rencontre_id = :id AND lower(i.email) = :email AND i.statut = :statut', {
          id,
          email: personne.email,
          statut: StatutInscription.CONFIRMEE,
        })
        .getExists();
      if (alreadyRegistered) throw conflict(`${personne.email} est déjà inscrit(e) à « ${r.titre} ».`);
      const inscrits = await countInscrits(manager, id);
      if (r.capacite !== null && inscrits >= r.capacite) {
        throw new ClientError(
          ErrorCode.CAPACITY_REACHED,
          `La rencontre « ${r.titre} » est complète : ${r.capacite} places, toutes prises.`,
          {
            capacite: r.capacite,
          },
        );
      }
      const inscription: Inscription = {
        id: randomUUID(),
        rencontreId: id,
        ...personne,
        statut: StatutInscription.CONFIRMEE,
        creeLe: now,
        annuleeLe: null,
      };
      await manager.insert(Inscription, inscription);
      const places: PlacesTaken = { before: inscrits, after: inscrits + 1 };
      const after = await followPlaces(manager, r, places, now);
      await recordChange(manager, r, after, ChangeKind.INSCRIPTION_CREEE, places, now, inscription);
      return inscription;
    });
  } catch (error) {
    // The unique index is a backstop for the check above (which the row lock already serialises).
    if (uniqueViolation(error)) {
      throw conflict(`${personne.email} est déjà inscrit(e) à cette rencontre.`);
    }
    throw error;
  }
}
