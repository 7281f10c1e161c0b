import type { DataSource } from 'typeorm';
import { conflict, notFound } from '@federess/server-kit';
import { StatutInscription } from '../entities/enums';
import { Inscription } from '../entities/inscription';
import { Rencontre } from '../entities/rencontre';
import { parseUuid } from '../validation/ids';
import type { Viewer } from '@federess/auth';
import { exigerDroitInscription } from './droits';
import { estComplete, type Inscrits, ouvertureChange, statutSelonPlaces } from './etat-inscriptions';
import { assertEcrivable, compterInscrits, verrouillerRencontre } from './ecriture';
import { recordChange, TypeChangement } from './record-change';

/** desinscrire: cancels a registration and frees its place (a full rencontre reopens, if its deadline allows). */
export async function desinscrire(
  dataSource: DataSource,
  scope: string | undefined,
  viewer: Viewer,
  inscriptionId: string,
): Promise<Inscription> {
  const id = parseUuid(inscriptionId, 'inscriptionId');
  return dataSource.transaction(async (manager) => {
    const trouvee = await manager.findOneBy(Inscription, { id });
    if (!trouvee) throw notFound('Inscription', id);
    // Same lock order as inscrire (the rencontre first), then the registration as it is under that lock.
    const r = await verrouillerRencontre(manager, trouvee.rencontreId);
    assertEcrivable(scope, r.regionCode);
    exigerDroitInscription(viewer, 'annuler une inscription', r.regionCode, trouvee.collectiviteId);
    const inscription = (await manager.findOneBy(Inscription, { id }))!;
    if (inscription.statut === StatutInscription.ANNULEE) throw conflict('Cette inscription est déjà annulée.');
    const now = new Date();
    if (r.fin.getTime() < now.getTime())
      throw conflict(`La rencontre « ${r.titre} » est passée : l'inscription ne peut plus être annulée.`);

    const annulee: Inscription = { ...inscription, statut: StatutInscription.ANNULEE, annuleeLe: now };
    await manager.update(Inscription, { id }, { statut: annulee.statut, annuleeLe: now });
    // Counted after the cancellation, whatever the status: a full REPORTEE rencontre reopens too.
    const restants = await compterInscrits(manager, r.id);
    const places: Inscrits = { avant: restants + 1, apres: restants };
    let apres: Rencontre = r;
    if (ouvertureChange(r, r, places, now)) {
      apres = {
        ...r,
        statutEnregistre: statutSelonPlaces(r.statutEnregistre, estComplete(r, places.apres)),
        revision: r.revision + 1,
        modifieLe: now,
      };
      await manager.update(Rencontre, { id: r.id }, { statutEnregistre: apres.statutEnregistre, revision: apres.revision, modifieLe: now });
    }
    await recordChange(manager, r, apres, TypeChangement.INSCRIPTION_ANNULEE, places, now, annulee);
    return annulee;
  });
}
