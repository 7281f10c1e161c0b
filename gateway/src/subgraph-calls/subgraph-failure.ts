import { logOf } from '@federess/observability';
import { ClientError, ErrorCode } from '@federess/server-kit';
import type { GatewayResponse } from './process-options';

function isGraphQLErrorBody(body: unknown): body is { errors: { message: string }[] } {
  return typeof body === 'object' && body !== null && Array.isArray((body as { errors?: unknown }).errors);
}

/**
 * What a failed call becomes: the subgraph's own GraphQL errors when it answered with them, or a
 * SUBGRAPH_UNAVAILABLE error naming it, so the response still carries the other subgraphs' data.
 * Returns the answer to give, or throws the error to give.
 */
export function answerForFailure(error: unknown, subgraphName: string, timeoutMs: number): GatewayResponse {
  if (error instanceof ClientError) throw error;
  // A subgraph that answers with a non-2xx status and a GraphQL body (400 for a variable its own
  // scalar refuses) is reachable: its errors, with their codes, are the answer.
  const body = (error as { extensions?: { response?: { body?: unknown } } }).extensions?.response?.body;
  if (isGraphQLErrorBody(body)) return { errors: body.errors };
  const timedOut = /timeout|aborted/i.test(String((error as Error).message ?? error)) || (error as Error).name === 'TimeoutError';
  logOf('subgraph-calls').error(`subgraph ${subgraphName} ${timedOut ? 'timed out' : 'unreachable'}: ${(error as Error).message}`, {
    subgraph: subgraphName,
  });
  const reason = timedOut ? `n'a pas répondu en ${timeoutMs} ms` : 'est injoignable';
  throw new ClientError(
    ErrorCode.SUBGRAPH_UNAVAILABLE,
    `Le sous-graphe ${subgraphName} ${reason} : ses champs manquent dans cette réponse.`,
    {
      serviceName: subgraphName,
    },
  );
}
