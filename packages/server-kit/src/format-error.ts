import type { GraphQLFormattedError } from 'graphql';
import type { Mode } from '@federess/config';
import { ErrorCode } from './error-codes';
import { LimitError } from './limits/limit-error';

/** Postgres error codes that mean the client sent a value the column cannot hold. */
const INVALID_VALUE_SQLSTATES = new Set(['22P02', '22007', '22008', '22003', '22001']);

function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown; driverError?: { code?: unknown } } | undefined)?.driverError?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Shapes every error that leaves a server: client errors keep their code and message; anything else
 * becomes INTERNAL_SERVER_ERROR, with its message kept only in development. Never a stack trace.
 */
export function createErrorFormatter(mode: Mode) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: unknown } | undefined)?.originalError;
    const state = sqlState(original);
    if (state && INVALID_VALUE_SQLSTATES.has(state)) {
      return { message: 'Valeur invalide dans la requête.', path: formatted.path, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
    // Apollo re-labels every validation error GRAPHQL_VALIDATION_FAILED; an abuse limit, reported by a
    // validation rule, keeps its own code (its error is the original one).
    if (original instanceof LimitError) return { ...formatted, extensions: { ...extensions, code: original.extensions.code } };
    const code = formatted.extensions?.code;
    // A subgraph error without a code of ours (the gateway labels it DOWNSTREAM_SERVICE_ERROR) is no
    // client mistake we know of: in production its message may say anything, so it is hidden.
    if (code === 'DOWNSTREAM_SERVICE_ERROR' && mode === 'production') {
      return { message: 'Erreur interne du serveur.', path: formatted.path, extensions: { serviceName: extensions.serviceName, code: ErrorCode.INTERNAL_SERVER_ERROR } };
    }
    if (code && code !== ErrorCode.INTERNAL_SERVER_ERROR) return { ...formatted, extensions };
    console.error('[federess] internal error:', original ?? error);
    return {
      message: mode === 'production' ? 'Erreur interne du serveur.' : formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { ...extensions, code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
