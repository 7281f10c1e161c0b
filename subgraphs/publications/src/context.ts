import type { BaseSubgraphContext } from '@federess/subgraph-kit';
import { createLoaders, type Loaders } from './loaders';

export interface Context extends BaseSubgraphContext {
  readonly loaders: Loaders;
}

export function createContext(base: BaseSubgraphContext): Context {
  return { ...base, loaders: createLoaders(base.dataSource, base.region) };
}
