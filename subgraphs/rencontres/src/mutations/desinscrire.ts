import type { DataSource } from 'typeorm';
import type { Viewer } from '@federess/auth';
import { conflict, notFound } from '@federess/server-kit';
import { assertWritableRegion, parseUuid } from '@federess/subgraph-kit';
import { StatutInscription } from '../entities/enums';
import { Inscription } from '../entities/inscription';
import { followPlaces, type PlacesTaken } from './inscription-state';
import { ChangeKind, recordChange } from './record-change';
import { countInscrits, lockRencontre } from './rencontre-writes';
import { requireInscriptionRight } from './rights';

/** desinscrire: cancels a registration and frees its place (a full rencontre reopens, if its deadline allows). */
export async function desinscrire(
  dataSource: DataSource,
  scope: string | undefined,
  viewer: Viewer,
  inscriptionId: string,
): Promise<Inscription> {
  const id = parseUuid(inscriptionId, 'inscriptionId', "d'inscription");
  return dataSource.transaction(async (manager) => {
    const found = await manager.findOneBy(Inscription, { id });
    if (!found) throw notFound('Inscription', id);
    // Same lock order as inscrire (the rencontre first), then the registration as it is under that lock.
    const r = await lockRencontre(manager, found.rencontreId);
    assertWritableRegion(scope, r.regionCode);
    requireInscriptionRight(viewer, 'annuler une inscription', r.regionCode, found.collectiviteId);
    const inscription = (await manager.findOneBy(Inscription, { id }))!;
    if (inscription.statut === StatutInscription.ANNULEE) throw conflict('Cette inscription est déjà annulée.');
    const now = new Date();
    if (r.fin.getTime() < now.getTime())
      throw conflict(`La rencontre « ${r.titre} » est passée : l'inscription ne peut plus être annulée.`);

    const cancelled: Inscription = { ...inscription, statut: StatutInscription.ANNULEE, annuleeLe: now };
    await manager.update(Inscription, { id }, { statut: cancelled.statut, annuleeLe: now });
    // Counted after the cancellation, whatever the status: a full REPORTEE rencontre reopens too.
    const remaining = await countInscrits(manager, r.id);
    const places: PlacesTaken = { before: remaining + 1, after: remaining };
    const after = await followPlaces(manager, r, places, now);
    await recordChange(manager, r, after, ChangeKind.INSCRIPTION_ANNULEE, places, now, cancelled);
    return cancelled;
  });
}
