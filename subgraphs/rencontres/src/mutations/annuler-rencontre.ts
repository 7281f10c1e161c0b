import type { DataSource } from 'typeorm';
import { requireWriteRegion, type Viewer } from '@federess/auth';
import { conflict } from '@federess/server-kit';
import { assertWritableRegion, parseUuid, requiredText } from '@federess/subgraph-kit';
import { StatutRencontre } from '../entities/enums';
import { Rencontre } from '../entities/rencontre';
import { LIMITS } from '../inputs/validate-rencontre';
import { ChangeKind, recordChange } from './record-change';
import { lockRencontre } from './rencontre-writes';

/** annulerRencontre: cancels with a reason; registrations are kept as the record of who had signed up. */
export async function annulerRencontre(
  dataSource: DataSource,
  scope: string | undefined,
  viewer: Viewer,
  id: string,
  motif: string,
): Promise<Rencontre> {
  const rencontreId = parseUuid(id, 'id', 'de rencontre');
  const motifAnnulation = requiredText(motif, 'motif', LIMITS.motif);
  return dataSource.transaction(async (manager) => {
    const r = await lockRencontre(manager, rencontreId);
    assertWritableRegion(scope, r.regionCode);
    requireWriteRegion(viewer, 'annuler cette rencontre', r.regionCode);
    if (r.statutEnregistre === StatutRencontre.ANNULEE) throw conflict(`La rencontre « ${r.titre} » est déjà annulée.`);
    if (r.fin.getTime() < Date.now()) throw conflict(`La rencontre « ${r.titre} » est terminée : elle ne peut plus être annulée.`);
    const cancelled: Rencontre = {
      ...r,
      statutEnregistre: StatutRencontre.ANNULEE,
      motifAnnulation,
      revision: r.revision + 1,
      modifieLe: new Date(),
    };
    await manager.update(
      Rencontre,
      { id: rencontreId },
      { statutEnregistre: cancelled.statutEnregistre, motifAnnulation, revision: cancelled.revision, modifieLe: cancelled.modifieLe },
    );
    await recordChange(manager, r, cancelled, ChangeKind.RENCONTRE_ANNULEE, null);
    return cancelled;
  });
}
