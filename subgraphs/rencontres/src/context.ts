import type { IncomingMessage } from 'node:http';
import { FEED_TOKEN_HEADER } from '@federess/auth';
import type { OutboxListener } from '@federess/events';
import type { BaseSubgraphContext } from '@federess/subgraph-kit';
import { feedTokenViewer } from './feed-token-viewer';
import { createLoaders, type Loaders } from './loaders';

export interface Context extends BaseSubgraphContext {
  readonly loaders: Loaders;
  /** The outbox listener, on WebSocket contexts (subscriptions); absent on HTTP ones. */
  readonly listener?: OutboxListener;
  /** How a live-feed client is connected (the metrics count clients by transport). */
  readonly transport?: 'graphql-ws' | 'sse';
}

export function createContext(base: BaseSubgraphContext, listener?: OutboxListener, transport?: 'graphql-ws' | 'sse'): Context {
  return { ...base, loaders: createLoaders(base.dataSource, base.region), listener, transport };
}

/**
 * An HTTP request's context. A private calendar feed's request, relayed by the gateway, carries a
 * feed token instead of a bearer token: it reads as the token's owner (see feedTokenViewer).
 */
export async function createHttpContext(base: BaseSubgraphContext, req: IncomingMessage): Promise<Context> {
  const token = req.headers[FEED_TOKEN_HEADER];
  if (token === undefined) return createContext(base);
  const viewer = await feedTokenViewer(base, Array.isArray(token) ? token.join(',') : token);
  return createContext({ ...base, viewer });
}
