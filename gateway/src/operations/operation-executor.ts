import { OperationTypeNode } from 'graphql';
import type { ApolloGateway } from '@apollo/gateway';
import type { AnswerCache } from '../cache/answer-cache';
import { keptResponse } from '../cache/kept-response';
import { startReads } from '../cache/operation-reads';
import type { GatewayContext } from '../context';
import { InflightPromises } from '../subgraph-calls/inflight-queries';

type GatewayExecutor = ApolloGateway['executor'];
type OperationRequest = Parameters<GatewayExecutor>[0];
type OperationResult = Awaited<ReturnType<GatewayExecutor>>;

/** What Apollo Server needs of a gateway: ApolloGateway's own, with its executor wrapped. */
export type GatewayLike = Pick<ApolloGateway, 'load' | 'onSchemaLoadOrUpdate' | 'stop'>;

/**
 * The key of a query whose answer depends only on its text, its variables and who asks: the
 * caller's authorisation scope (the rule of the cache and of the shared live feeds). Undefined for
 * anything else: a mutation, a call carrying a private feed's token (rights the gateway does not read).
 */
function sharingKey(request: OperationRequest): string | undefined {
  if (request.operation?.operation !== OperationTypeNode.QUERY) return undefined;
  const context = request.context as GatewayContext | undefined;
  const scope = context?.feedToken === undefined ? context?.viewer.scope : undefined;
  const query = request.source ?? request.request.query;
  if (!scope || query === undefined) return undefined;
  return `${scope}\n${request.request.operationName ?? ''}\n${JSON.stringify(request.request.variables ?? {})}\n${query}`;
}

/**
 * Runs the client operations of @apollo/gateway's executor, with two savings on queries:
 * - identical queries in flight at the same moment (same text, variables and scope) share one
 *   execution, as identical subgraph calls already share one call: the plan runs once, each caller
 *   gets the same data. Only executions begun since the last change the gateway knows of are shared
 *   (a mutation through it, or, with the cache, any eviction): a read sent after a write it saw
 *   answered never joins one begun before;
 * - with the cache, a whole response whose every fetch was kept is kept too, under the same key,
 *   tagged with everything its fetches read, evicted by the same events: a repeated query then costs
 *   no plan execution at all, only the checks every request passes before it (limits, validation).
 */
export class OperationExecutor {
  private readonly inflight = new InflightPromises<OperationResult>();
  /** Mutations answered through this gateway: a change even a gateway without the cache knows of. */
  private writes = 0;

  constructor(private readonly cache: AnswerCache | undefined) {}

  /** The gateway as Apollo Server sees it: loading it gives the wrapped executor. */
  around(gateway: ApolloGateway): GatewayLike {
    return {
      load: async (options) => {
        const loaded = await gateway.load(options);
        return { ...loaded, executor: this.wrap(loaded.executor) };
      },
      onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
      stop: () => gateway.stop(),
    };
  }

  /** The executor with the savings above. */
  wrap(executor: GatewayExecutor): GatewayExecutor {
    return (request) => this.execute(executor, request);
  }

  private async execute(executor: GatewayExecutor, request: OperationRequest): Promise<OperationResult> {
    const key = this.showsChangesAsked(request) ? sharingKey(request) : undefined;
    if (key === undefined) {
      try {
        return await executor(request);
      } finally {
        // Before the mutation's answer leaves: no later read joins an execution begun before it.
        if (request.operation?.operation === OperationTypeNode.MUTATION) this.writes += 1;
      }
    }
    const kept = this.cache?.getResponse(key);
    if (kept) return { data: kept.data };
    const generation = `${this.cache?.changes ?? 0}:${this.writes}`;
    // Each caller its own result object; the data inside is shared, and nothing writes into it.
    return { ...(await this.inflight.share(`${generation}\n${key}`, () => this.executeAndKeep(executor, request, key))) };
  }

  /**
   * Whether what is kept or in flight shows every change a feed asks for (`freshAfter`, the version
   * it read first): if one is not applied yet, the operation runs on its own, as its fetches do.
   */
  private showsChangesAsked(request: OperationRequest): boolean {
    const after = (request.context as GatewayContext | undefined)?.freshAfter;
    if (!after) return true;
    return Object.entries(after).every(([subgraph, id]) => this.cache?.isFreshAfter(subgraph, id) ?? false);
  }

  private async executeAndKeep(executor: GatewayExecutor, request: OperationRequest, key: string): Promise<OperationResult> {
    const cache = this.cache;
    if (!cache) return executor(request);
    // Begun before any fetch: an eviction of anything it reads from now on keeps it out of the cache.
    const ticket = cache.begin(cache.subgraphNames);
    const reads = startReads(request);
    try {
      const result = await executor(request);
      const read = reads.reads;
      if (!read || result.errors?.length || result.extensions || !result.data) return result;
      const response = keptResponse(result.data);
      cache.storeResponse(ticket, key, response, read, reads.expiresAt);
      return { data: response.data };
    } finally {
      cache.end(ticket);
    }
  }
}
