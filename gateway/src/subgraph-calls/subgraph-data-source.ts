import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { traceHeaders } from '@federess/observability';
import type { GatewayContext } from '../context';
import { cacheHintOf } from './cache-control';
import type { RawAnswer } from './http-transport';
import { InflightPromises } from './inflight-queries';
import { observeSubgraphCall } from './observed-call';
import { parseAnswer } from './parse-answer';
import { incoming, isQuery, type ProcessOptions, type ProcessResult } from './process-options';
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
  ) {
    super({ url: urls[0] });
    this.replicas = new ReplicaTransport(urls, timeoutMs, maxSockets);
  }

  override async process(options: ProcessOptions): ProcessResult {
    const { request } = options;
    if (!request.query) throw new Error('Missing query');
    const query = isQuery(incoming(options)?.document, request.query);
    return observeSubgraphCall(this.subgraphName, query ? 'query' : 'mutation', async () => {
      try {
        const headers = subgraphHeaders(options, this.gatewaySecret);
        // The plan's HTTP details travel as headers, not in the GraphQL payload.
        const { http: _http, ...payload } = request;
        const body = JSON.stringify(payload);
        const answer = await this.call(body, headers, query);
        const response = parseAnswer(answer, this.url);
        this.restrictCachePolicy(options, answer.cacheControl);
        return response;
      } catch (error) {
        return answerForFailure(error, this.subgraphName, this.timeoutMs);
      }
    });
  }

  /**
   * One call, or, for a query, the identical one already in flight. Headers are in the key, so two
   * callers (two Authorization values) never share an answer; mutations are never shared nor retried.
   * The trace headers are not in the key (every request has its own): a shared call is traced
   * under the request that made it.
   */
  private call(body: string, headers: Record<string, string>, query: boolean): Promise<RawAnswer> {
    if (!query) return this.replicas.post(body, { ...headers, ...traceHeaders() }, false);
    return this.inflight.share(`${JSON.stringify(headers)}\n${body}`, () => this.replicas.post(body, { ...headers, ...traceHeaders() }, true));
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
