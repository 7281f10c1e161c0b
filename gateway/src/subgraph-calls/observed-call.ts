import { inSpan, recordSubgraphCall } from '@federess/observability';
import { performance } from 'node:perf_hooks';
import type { GatewayResponse } from './process-options';

/** The outcome code of a call: OK, the first error code of the subgraph's answer, or the code of the error it became. */
function codeOf(outcome: unknown, failed: boolean): string {
  const errors = failed ? [outcome] : (outcome as GatewayResponse).errors;
  const first = errors?.[0] as { extensions?: { code?: unknown } } | undefined;
  if (!first) return 'OK';
  return typeof first.extensions?.code === 'string' ? first.extensions.code : 'DOWNSTREAM_SERVICE_ERROR';
}

/**
 * One call of the gateway to a subgraph, observed: a span named after the subgraph (a child of the
 * request's, the parent of the HTTP call and so of the subgraph's own spans), and the call counted
 * and timed by subgraph and outcome (federess_subgraph_request_duration_seconds).
 */
export function observeSubgraphCall(
  subgraph: string,
  operationType: string,
  call: () => Promise<GatewayResponse>,
): Promise<GatewayResponse> {
  return inSpan(`subgraph ${subgraph}`, { 'federess.subgraph.name': subgraph, 'graphql.operation.type': operationType }, async (span) => {
    const started = performance.now();
    try {
      const response = await call();
      const code = codeOf(response, false);
      recordSubgraphCall(subgraph, code, (performance.now() - started) / 1000);
      span?.setAttribute('federess.outcome', code);
      return response;
    } catch (error) {
      recordSubgraphCall(subgraph, codeOf(error, true), (performance.now() - started) / 1000);
      throw error;
    }
  });
}
