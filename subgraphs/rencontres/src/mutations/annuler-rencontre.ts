import type { DataSource } from 'typeorm';
import { conflict } from '@federess/server-kit';
import { StatutRencontre } from '../entities/enums';
import { Rencontre } from '../entities/rencontre';
import { parseUuid } from '../validation/ids';
import type { Viewer } from '@federess/auth';
import { exigerEcritureRencontre } from './rights';
import { assertEcrivable, verrouillerRencontre } from './rencontre-writes';
import { recordChange, TypeChangement } from './record-change';
import * as v from '../inputs/validate-rencontre';

/** annulerRencontre: cancels with a reason; registrations are kept as the record of who had signed up. */
export async function annulerRencontre(
  dataSource: DataSource,
  scope: string | undefined,
  viewer: Viewer,
  id: string,
  motif: string,
): Promise<Rencontre> {
  const rencontreId = parseUuid(id, 'id');
  const motifAnnulation = v.texteRequis(motif, 'motif', v.LIMITES.motif);
  return dataSource.transaction(async (manager) => {
    const r = await verrouillerRencontre(manager, rencontreId);
    assertEcrivable(scope, r.regionCode);
    exigerEcritureRencontre(viewer, 'annuler cette rencontre', r.regionCode);
    if (r.statutEnregistre === StatutRencontre.ANNULEE) throw conflict(`La rencontre « ${r.titre} » est déjà annulée.`);
    if (r.fin.getTime() < Date.now()) throw conflict(`La rencontre « ${r.titre} » est terminée : elle ne peut plus être annulée.`);
    const annulee: Rencontre = {
      ...r,
      statutEnregistre: StatutRencontre.ANNULEE,
      motifAnnulation,
      revision: r.revision + 1,
      modifieLe: new Date(),
    };
    await manager.update(
      Rencontre,
      { id: rencontreId },
      { statutEnregistre: annulee.statutEnregistre, motifAnnulation, revision: annulee.revision, modifieLe: annulee.modifieLe },
    );
    await recordChange(manager, r, annulee, TypeChangement.RENCONTRE_ANNULEE, null);
    return annulee;
  });
}
