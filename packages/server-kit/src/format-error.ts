import type { GraphQLFormattedError } from 'graphql';
import type { Mode } from '@federess/config';
import { logOf, noteErrorCode, recordGraphqlError } from '@federess/observability';
import { ErrorCode } from './error-codes';
import { ClientError } from './errors';
import { describeInternalError } from './internal-error-log';
import { databaseErrorCode } from './sql-errors';
import { translateValidationAbort } from './validation-errors';

/**
 * Shapes every error that leaves a server: client errors keep their code and message; a database
 * refusing a value is BAD_USER_INPUT and a database call cut by its timeout TIMEOUT; anything else
 * becomes INTERNAL_SERVER_ERROR, with its message kept only in development. Never a stack trace,
 * and the log of an internal error never holds what the client sent (see describeInternalError).
 * `maxValidationErrors` is the cap Apollo validates with, named in the last error of a capped answer.
 */
const log = logOf('errors');

export function createErrorFormatter(mode: Mode, maxValidationErrors = 10) {
  const format = shapeError(mode, maxValidationErrors);
  // Every error that leaves is counted by its code, and noted on its request (its log line and metrics).
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const shaped = format(formatted, error);
    const code = typeof shaped.extensions?.code === 'string' ? shaped.extensions.code : ErrorCode.INTERNAL_SERVER_ERROR;
    noteErrorCode(code);
    recordGraphqlError(code);
    return shaped;
  };
}

function shapeError(mode: Mode, maxValidationErrors: number) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: unknown } | undefined)?.originalError;
    const databaseCode = databaseErrorCode(original);
    if (databaseCode === ErrorCode.BAD_USER_INPUT) {
      return { message: 'Valeur invalide dans la requête.', path: formatted.path, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    if (databaseCode === ErrorCode.TIMEOUT) {
      // An operational fault worth a log line; the client learns only that it may retry.
      log.warn('database timeout', { error: describeInternalError(original, mode) });
      return {
        message: "La base de données n'a pas répondu à temps ; réessayez plus tard.",
        path: formatted.path,
        extensions: { code: ErrorCode.TIMEOUT },
      };
    }
    const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
    // Apollo re-labels every validation error GRAPHQL_VALIDATION_FAILED; one of ours, reported by a
    // validation rule (an abuse limit, a string Postgres cannot store, introspection in production),
    // keeps its own code (its error is the original one).
    if (original instanceof ClientError) return { ...formatted, extensions: { ...extensions, code: original.extensions.code } };
    const code = formatted.extensions?.code;
    // A subgraph error without a code of ours (the gateway labels it DOWNSTREAM_SERVICE_ERROR) is no
    // client mistake we know of: in production its message may say anything, so it is hidden.
    if (code === ErrorCode.DOWNSTREAM_SERVICE_ERROR && mode === 'production') {
      return {
        message: 'Erreur interne du serveur.',
        path: formatted.path,
        extensions: { serviceName: extensions.serviceName, code: ErrorCode.INTERNAL_SERVER_ERROR },
      };
    }
    if (code && code !== ErrorCode.INTERNAL_SERVER_ERROR)
      return translateValidationAbort({ ...formatted, extensions }, maxValidationErrors);
    log.error('internal error', { error: describeInternalError(original ?? error, mode) });
    return {
      message: mode === 'production' ? 'Erreur interne du serveur.' : formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { ...extensions, code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
