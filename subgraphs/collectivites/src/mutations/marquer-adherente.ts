import type { DataSource } from 'typeorm';
import { notFound } from '@federess/server-kit';
import { assertWritableRegion } from '@federess/subgraph-kit';
import { Collectivite } from '../entities/collectivite';
import { recordCollectiviteChange } from './record-change';

/**
 * marquerAdherente: records a collectivité's RTES membership, on its locked row. A collectivité
 * with no région is no regional instance's, and is written as it is on a national one.
 */
export async function marquerAdherente(
  dataSource: DataSource,
  scope: string | undefined,
  collectiviteId: string,
  adherente: boolean,
): Promise<Collectivite> {
  return dataSource.transaction(async (manager) => {
    const found = await manager.getRepository(Collectivite).findOne({ where: { id: collectiviteId }, lock: { mode: 'pessimistic_write' } });
    if (!found) throw notFound('Collectivité', collectiviteId);
    if (found.regionCode) assertWritableRegion(scope, found.regionCode);
    found.adherente = adherente;
    const saved = await manager.getRepository(Collectivite).save(found);
    await recordCollectiviteChange(manager, saved);
    return saved;
  });
}
