import type { Mode } from '@federess/config';
import { createErrorFormatter } from '@federess/server-kit';
import type { ExecutionResult, FormattedExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';

/**
 * Shapes the errors graphql-ws sends (its `error` messages and the errors of `next` results) with
 * the formatter the HTTP path uses: stable codes, internal messages hidden in production, never a
 * stack trace. Apollo's `http` extension (a limit error's status) means nothing on a socket.
 */
export function formateurFlux(mode: Mode) {
  const format = createErrorFormatter(mode);
  const une = (error: GraphQLError): GraphQLFormattedError => {
    const { extensions, ...reste } = format(error.toJSON(), error);
    const { http: _http, ...autres } = extensions ?? {};
    return { ...reste, extensions: autres };
  };
  return {
    erreurs: (errors: readonly GraphQLError[]): GraphQLFormattedError[] => errors.map(une),
    resultat: (result: ExecutionResult): FormattedExecutionResult =>
      result.errors ? { ...result, errors: result.errors.map(une) } : result,
  };
}
