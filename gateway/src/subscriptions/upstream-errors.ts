/** An error as the upstream sends it in a graphql-ws `next` or `error` message. */
export interface UpstreamError {
  readonly message: string;
  readonly extensions?: Record<string, unknown>;
}

/** Codes that mean the request itself is wrong (arguments, resume point, rights, limits). */
const CLIENT_CAUSED_CODES = new Set(['BAD_USER_INPUT', 'EVENTS_EXPIRED', 'GRAPHQL_VALIDATION_FAILED', 'FORBIDDEN', 'UNAUTHENTICATED']);

const isClientCausedCode = (code: unknown): boolean =>
  typeof code === 'string' && (CLIENT_CAUSED_CODES.has(code) || code.endsWith('_LIMIT_EXCEEDED'));

/**
 * Whether errors refusing an upstream subscription are the client's doing: resubscribing would be
 * refused again, so its clients are ended with these errors. Anything else (a subgraph restarting, a
 * database hiccup, an error without a code) is transient: the upstream reconnects and resumes.
 */
export function isClientCaused(errors: readonly UpstreamError[]): boolean {
  return errors.some((error) => isClientCausedCode(error.extensions?.code));
}
