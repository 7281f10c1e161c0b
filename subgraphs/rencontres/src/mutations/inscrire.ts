import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ClientError, ErrorCode, conflict, uniqueViolation } from '@federess/server-kit';
import { StatutInscription, StatutRencontre } from '../entities/enums';
import { Inscription } from '../entities/inscription';
import { Rencontre } from '../entities/rencontre';
import type { InscriptionInput } from '../inputs/inscription';
import { parseCollectiviteId, parseUuid } from '../validation/ids';
import type { Viewer } from '@federess/auth';
import { type OwnerSubgraphs, requireKnownCollectivites } from '@federess/subgraph-kit';
import { collectiviteInscrite, exigerDroitInscription } from './droits';
import { estComplete, type Inscrits, ouvertureChange, statutSelonPlaces } from './etat-inscriptions';
import { assertEcrivable, compterInscrits, verrouillerRencontre } from './ecriture';
import { recordChange, TypeChangement } from './record-change';
import * as v from './validation';

/**
 * inscrire: registers one person. The rencontre's row is locked (SELECT … FOR UPDATE) before the
 * confirmed registrations are counted, so concurrent registrations queue on that lock and the
 * capacity is never exceeded. Taking the last place fills the rencontre (COMPLETE, see statutSelonPlaces).
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
  const id = parseUuid(rencontreId, 'rencontreId');
  const personne = {
    prenom: v.texteRequis(input.prenom, 'prenom', v.LIMITES.nom),
    nom: v.texteRequis(input.nom, 'nom', v.LIMITES.nom),
    email: v.email(input.email),
    qualite: input.qualite,
    fonction: v.texteOptionnel(input.fonction, 'fonction', v.LIMITES.nom),
    collectiviteId: collectiviteInscrite(viewer, input.collectiviteId ? parseCollectiviteId(input.collectiviteId) : null),
  };
  if (input.collectiviteId && personne.collectiviteId) {
    await requireKnownCollectivites(owners, [{ id: personne.collectiviteId, champ: 'collectiviteId' }]);
  }
  try {
    return await dataSource.transaction(async (manager) => {
      const r = await verrouillerRencontre(manager, id);
      assertEcrivable(scope, r.regionCode);
      exigerDroitInscription(viewer, 'inscrire une personne', r.regionCode, personne.collectiviteId);
      const now = new Date();
      if (r.statutEnregistre === StatutRencontre.ANNULEE)
        throw conflict(`La rencontre « ${r.titre} » est annulée : inscription impossible.`);
      if (r.fin.getTime() < now.getTime()) throw conflict(`La rencontre « ${r.titre} » est passée : inscription impossible.`);
      if (r.dateLimiteInscription && r.dateLimiteInscription.getTime() < now.getTime()) {
        throw conflict(`Les inscriptions à « ${r.titre} » sont closes depuis le ${r.dateLimiteInscription.toISOString()}.`);
      }
      const dejaInscrit = await manager
        .getRepository(Inscription)
        .createQueryBuilder('i')
        .where('i.rencontre_id = :id AND lower(i.email) = :email AND i.statut = :statut', {
          id,
          email: personne.email,
          statut: StatutInscription.CONFIRMEE,
        })
        .getExists();
      if (dejaInscrit) throw conflict(`${personne.email} est déjà inscrit(e) à « ${r.titre} ».`);
      const inscrits = await compterInscrits(manager, id);
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
      // Taking the last place is significant whatever the status (a REPORTEE rencontre fills too).
      const places: Inscrits = { avant: inscrits, apres: inscrits + 1 };
      let apres: Rencontre = r;
      if (ouvertureChange(r, r, places, now)) {
        apres = {
          ...r,
          statutEnregistre: statutSelonPlaces(r.statutEnregistre, estComplete(r, places.apres)),
          revision: r.revision + 1,
          modifieLe: now,
        };
        await manager.update(Rencontre, { id }, { statutEnregistre: apres.statutEnregistre, revision: apres.revision, modifieLe: now });
      }
      await recordChange(manager, r, apres, TypeChangement.INSCRIPTION_CREEE, places, now, inscription);
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
