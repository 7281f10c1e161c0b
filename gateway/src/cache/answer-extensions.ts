import { type AnswerCacheInfo, CACHE_EXTENSION, CHANGES_EXTENSION } from '@federess/server-kit';
import type { GatewayResponse } from '../subgraph-calls/process-options';

type Extensions = Record<string, unknown> | undefined;

/** Removes an extension from an answer (and `extensions` once empty): what the subgraph told the cache goes no further. */
function take(response: GatewayResponse, name: string): unknown {
  const extensions = response.extensions as Extensions;
  if (!extensions || !(name in extensions)) return undefined;
  const value = extensions[name];
  delete extensions[name];
  if (Object.keys(extensions).length === 0) delete (response as { extensions?: unknown }).extensions;
  return value;
}

const isTags = (value: unknown): value is string[] => Array.isArray(value) && value.every((tag) => typeof tag === 'string');

/** What a query's answer read, as the subgraph tells it (see answerCachePlugin); undefined when it did not. */
export function takeCacheInfo(response: GatewayResponse): AnswerCacheInfo | undefined {
  const info = take(response, CACHE_EXTENSION) as Partial<AnswerCacheInfo> | undefined;
  if (!info || !isTags(info.tags)) return undefined;
  return {
    tags: info.tags,
    ...(typeof info.expiresAt === 'number' ? { expiresAt: info.expiresAt } : {}),
    ...(info.uncacheable === true ? { uncacheable: true } : {}),
  };
}

/** The tags of each change event a mutation's answer says it appended. */
export function takeChanges(response: GatewayResponse): string[][] {
  const changes = take(response, CHANGES_EXTENSION);
  return Array.isArray(changes) ? changes.filter(isTags) : [];
}
