import { ErrorCode } from '@federess/server-kit';

/** An error as the upstream sends it in a graphql-ws `next` or `error` message. */
export interface UpstreamError {
  readonly message: string;
  readonly extensions?: Record<string, unknown>;
}

/** Codes that mean the request itself is wrong (arguments, resume point, rights, limits). */
const CLIENT_CAUSED_CODES = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.EVENTS_EXPIRED,
  ErrorCode.GRAPHQL_PARSE_FAILED,
  ErrorCode.GRAPHQL_VALIDATION_FAILED,
  ErrorCode.OPERATION_RESOLUTION_FAILURE,
  ErrorCode.FORBIDDEN,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.DEPTH_LIMIT_EXCEEDED,
  ErrorCode.ALIAS_LIMIT_EXCEEDED,
  ErrorCode.ROOT_FIELD_LIMIT_EXCEEDED,
  ErrorCode.TOKEN_LIMIT_EXCEEDED,
  ErrorCode.DIRECTIVE_LIMIT_EXCEEDED,
  ErrorCode.COST_LIMIT_EXCEEDED,
]);

const isClientCausedCode = (code: unknown): boolean => typeof code === 'string' && CLIENT_CAUSED_CODES.has(code);

/**
 * Whether errors refusing an upstream subscription are the client's doing: resubscribing would be
 * refused again, so its clients are ended with these errors. Anything else (a subgraph restarting, a
 * database hiccup, an error without a code) is transient: the upstream reconnects and resumes.
 */
export function isClientCaused(errors: readonly UpstreamError[]): boolean {
  return errors.some((error) => isClientCausedCode(error.extensions?.code));
}
