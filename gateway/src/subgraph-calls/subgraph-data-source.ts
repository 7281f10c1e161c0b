import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { traceHeaders } from '@federess/observability';
import { type AnswerCacheInfo, CACHE_TAGS_HEADER } from '@federess/server-kit';
import type { AnswerCache } from '../cache/answer-cache';
import { takeCacheInfo, takeChanges } from '../cache/answer-extensions';
import { readsOf } from '../cache/operation-reads';
import type { GatewayContext } from '../context';
import { cacheHintOf } from './cache-control';
import type { RawAnswer } from './http-transport';
import { InflightPromises } from './inflight-queries';
import { observeSubgraphCall } from './observed-call';
import { parseAnswer } from './parse-answer';
import { type GatewayResponse, incoming, isQuery, type ProcessOptions, type ProcessResult } from './process-options';
import { ReplicaTransport } from './replica-transport';
import { subgraphHeaders } from './request-headers';
import { answerForFailure } from './subgraph-failure';

type CachePolicy = { restrict?: (hint: { maxAge?: number; scope?: 'PUBLIC' | 'PRIVATE' }) => void };

/**
 * How the gateway calls one subgraph: forwards the caller's Authorization header (every subgraph
 * checks it again), proves it is the gateway with the shared secret header, bounds the call with a
 * timeout, and turns a subgraph that cannot be reached into a SUBGRAPH_UNAVAILABLE error naming
 * it, so the response still carries the other subgraphs' data.
 *
 * It extends RemoteGraphQLDataSource only to be one (for its type and its options, such as
 * honorSubgraphCacheControlHeader): `process` is replaced, calls go through HttpTransport.
 * Identical queries in flight at the same moment (same subgraph, same document and variables,
 * same headers, so the same caller) share one call, as Hive Gateway does by default: each caller
 * still gets its own parsed copy of the answer.
 *
 * With the cache (see AnswerCache), a query's answer is kept under its document, variables and the
 * caller's authorisation scope (the rights its answer depends on: the same rule as the shared live
 * feeds), tagged with what the subgraph says it read; a mutation's answer says what it changed,
 * which is evicted before the gateway answers the client (read-your-writes).
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** The subgraph's replicas (one or more URLs), calls taking turns. */
  readonly replicas: ReplicaTransport;
  private readonly inflight = new InflightPromises<RawAnswer>();

  constructor(
    private readonly subgraphName: string,
    urls: readonly string[],
    private readonly timeoutMs: number,
    private readonly gatewaySecret: string,
    maxSockets?: number,
    private readonly cache?: AnswerCache,
  ) {
    super({ url: urls[0] });
    this.replicas = new ReplicaTransport(urls, timeoutMs, maxSockets);
  }

  override async process(options: ProcessOptions): ProcessResult {
    const { request } = options;
    if (!request.query) throw new Error('Missing query');
    // The whole operation's response may be kept only if this fetch's answer is: it says what it read, or that it cannot be.
    const reads = readsOf(incoming(options)?.incomingRequestContext);
    try {
      const headers = subgraphHeaders(options, this.gatewaySecret);
      // The plan's HTTP details travel as headers, not in the GraphQL payload.
      const { http: _http, ...payload } = request;
      const body = JSON.stringify(payload);
      const query = isQuery(incoming(options)?.document, request.query);
      // The subgraph tells what it read (queries) or changed (mutations) only when asked.
      if (this.cache) headers[CACHE_TAGS_HEADER] = '1';
      const context = options.context as GatewayContext | undefined;
      // A feed token carries rights the gateway does not read (the subgraph resolves it): never kept
      // under the anonymous scope it travels with, and a revoked one must stop working at once.
      const scope = context?.feedToken === undefined ? context?.viewer.scope : undefined;
      // A feed's version names the last change its body must show: one the cache has not applied yet
      // is read by a call of its own, begun now (neither kept answers nor a call begun earlier).
      const after = context?.freshAfter?.[this.subgraphName];
      const fresh = after === undefined || (this.cache?.isFreshAfter(this.subgraphName, after) ?? false);
      if (this.cache && query && scope !== undefined && fresh && this.cache.isListening(this.subgraphName)) {
        const { response, info } = await this.throughCache(this.cache, options, `${scope}\n${body}`, body, headers);
        reads?.note(this.subgraphName, info);
        return response;
      }
      reads?.note(this.subgraphName, undefined);
      return await this.observedCall(query, async () => this.answerOf(options, await this.call(body, headers, query, fresh)).response);
    } catch (error) {
      reads?.note(this.subgraphName, undefined);
      return answerForFailure(error, this.subgraphName, this.timeoutMs);
    }
  }

  /**
   * One call to the subgraph as the metrics and traces see it (a span named after the subgraph, its
   * outcome and duration); a failure becomes the answer or error answerForFailure makes of it.
   */
  private observedCall(query: boolean, call: () => Promise<GatewayResponse>): Promise<GatewayResponse> {
    return observeSubgraphCall(this.subgraphName, query ? 'query' : 'mutation', async () => {
      try {
        return await call();
      } catch (error) {
        return answerForFailure(error, this.subgraphName, this.timeoutMs);
      }
    });
  }

  /**
   * A query through the cache: a kept answer, or a call whose complete answer is kept unless a change
   * may have made it stale meanwhile. With what it read, when it could be kept (undefined otherwise).
   */
  private async throughCache(
    cache: AnswerCache,
    options: ProcessOptions,
    key: string,
    body: string,
    headers: Record<string, string>,
  ): Promise<{ response: GatewayResponse; info: AnswerCacheInfo | undefined }> {
    const hit = cache.get(this.subgraphName, key);
    if (hit) return { response: this.answerOf(options, hit.answer).response, info: hit.info };
    const ticket = cache.begin([this.subgraphName]);
    try {
      let kept: AnswerCacheInfo | undefined;
      const response = await this.observedCall(true, async () => {
        const answer = await this.call(body, headers, true);
        const { response, info } = this.answerOf(options, answer);
        // An answer with errors is not kept: a failure (a timeout, a subgraph restarting) may be transient.
        if (info && answer.status === 200 && !response.errors?.length) {
          cache.store(ticket, this.subgraphName, key, answer, info);
          kept = info;
        }
        return response;
      });
      return { response, info: kept };
    } finally {
      cache.end(ticket);
    }
  }

  /** This caller's copy of an answer, without what the subgraph told the cache (evicting what a mutation changed). */
  private answerOf(options: ProcessOptions, answer: RawAnswer): { response: GatewayResponse; info: AnswerCacheInfo | undefined } {
    const response = parseAnswer(answer, this.url);
    const info = takeCacheInfo(response);
    // Read-your-writes: what a mutation changed leaves the cache before its answer goes on.
    for (const tags of takeChanges(response)) this.cache?.evict(this.subgraphName, tags);
    this.restrictCachePolicy(options, answer.cacheControl);
    return { response, info };
  }

  /**
   * One call, or, for a query, the identical one already in flight. Headers are in the key, so two
   * callers (two Authorization values) never share an answer; mutations are never shared nor retried.
   * With the cache, only calls begun since the subgraph's last eviction are shared: one begun before
   * a change the gateway was told of may answer from before it. Without `share`, a query is a call of
   * its own, begun now. The trace headers are not in the key (every request has its own): a shared
   * call is traced under the request that made it.
   */
  private call(body: string, headers: Record<string, string>, query: boolean, share = true): Promise<RawAnswer> {
    if (!query || !share) return this.replicas.post(body, { ...headers, ...traceHeaders() }, query);
    const generation = this.cache ? `${this.cache.generation(this.subgraphName)}\n` : '';
    return this.inflight.share(`${generation}${JSON.stringify(headers)}\n${body}`, () =>
      this.replicas.post(body, { ...headers, ...traceHeaders() }, true),
    );
  }

  /** The subgraph's Cache-Control restricts the operation's overall cache policy, as in Apollo's data source. */
  private restrictCachePolicy(options: ProcessOptions, header: string | undefined): void {
    const operation = incoming(options);
    if (!this.honorSubgraphCacheControlHeader || !operation) return;
    const policy = operation.incomingRequestContext.overallCachePolicy as CachePolicy | undefined;
    if (!policy || typeof policy.restrict !== 'function') return;
    policy.restrict(cacheHintOf(header));
  }
}
