import type { DataSource } from 'typeorm';
import { loaderByKey, loaderByParent } from '@federess/subgraph-kit';
import { Collectivite } from '../entities/collectivite';
import { Departement } from '../entities/departement';
import { Region } from '../entities/region';

/** Per-request loaders: every related row goes through one, so SQL grows with depth, not rows. */
export function createLoaders(dataSource: DataSource) {
  return {
    regionByCode: loaderByKey(dataSource, Region, 'code'),
    departementByCode: loaderByKey(dataSource, Departement, 'code'),
    collectiviteById: loaderByKey(dataSource, Collectivite, 'id'),
    communesByEpci: loaderByParent(dataSource, Collectivite, 'epciId', { population: 'DESC' }),
    departementsByRegion: loaderByParent(dataSource, Departement, 'regionCode', { code: 'ASC' }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
