import type { Mode } from '@federess/config';
import { createErrorFormatter, ErrorCode } from '@federess/server-kit';
import { type ExecutionResult, type FormattedExecutionResult, GraphQLError } from 'graphql';

/** An event the gateway could not complete across the graph: a fault of the hub, not of the client. */
export function incompleteEventError(error: unknown): GraphQLError {
  const message = error instanceof Error ? error.message : String(error);
  return new GraphQLError(`Événement incomplet : ${message}`, { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
}

/**
 * Shapes the errors of subscription events as Apollo shapes those of HTTP responses (queries and
 * mutations over the socket already go through Apollo): client errors keep their code, anything
 * else becomes INTERNAL_SERVER_ERROR, its message hidden in production.
 */
export function subscriptionResultFormatter(mode: Mode): (result: ExecutionResult) => FormattedExecutionResult {
  const format = createErrorFormatter(mode);
  return ({ errors, ...rest }) => (errors?.length ? { ...rest, errors: errors.map((error) => format(error.toJSON(), error)) } : rest);
}
