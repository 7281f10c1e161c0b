import { ErrorCode } from '@federess/server-kit';
import { GraphQLError } from 'graphql';

/** An event the gateway could not complete across the graph: a fault of the hub, not of the client. */
export function incompleteEventError(error: unknown): GraphQLError {
  const message = error instanceof Error ? error.message : String(error);
  return new GraphQLError(`Événement incomplet : ${message}`, { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
}
