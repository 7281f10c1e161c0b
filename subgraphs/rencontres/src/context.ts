import type { OutboxListener } from '@federess/events';
import type { BaseSubgraphContext } from '@federess/subgraph-kit';
import { createLoaders, type Loaders } from './loaders';

export interface Context extends BaseSubgraphContext {
  readonly loaders: Loaders;
  /** The outbox listener, on WebSocket contexts (subscriptions); absent on HTTP ones. */
  readonly listener?: OutboxListener;
}

export function createContext(base: BaseSubgraphContext, listener?: OutboxListener): Context {
  return { ...base, loaders: createLoaders(base.dataSource, base.region), listener };
}
