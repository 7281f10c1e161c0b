import { type Environment, readInteger, SettingError } from './read';

/** Abuse limits, the same on the gateway and on every subgraph. Each is refused with its own code. */
export interface LimitSettings {
  /** `FEDERESS_MAX_DEPTH` (default 12): deepest field nesting of an operation, fragments followed. */
  readonly maxDepth: number;
  /** `FEDERESS_MAX_ALIASES` (default 30): aliases in an operation, counted each time a fragment is used. */
  readonly maxAliases: number;
  /** `FEDERESS_MAX_ROOT_FIELDS` (default 20): fields selected at the root of an operation. */
  readonly maxRootFields: number;
  /** `FEDERESS_MAX_TOKENS` (default 3000): lexical tokens of a document, counted before it is parsed. */
  readonly maxTokens: number;
  /**
   * `FEDERESS_MAX_CHARACTERS` (default 100000): characters of a document, checked before it is even
   * lexed. Tokens alone do not bound the text: one comment or one string is a single token, however long.
   */
  readonly maxCharacters: number;
  /** `FEDERESS_MAX_DIRECTIVES` (default 20): directives written in a document. */
  readonly maxDirectives: number;
  /** `FEDERESS_MAX_COST` (default 100000): estimated cost of an operation, list sizes multiplied (see the README). */
  readonly maxCost: number;
  /** `FEDERESS_DEFAULT_LIST_SIZE` (default 10): how many items the cost assumes for a list field without `first`. */
  readonly defaultListSize: number;
  /**
   * `FEDERESS_MAX_VALIDATION_ERRORS` (default 10): validation errors one answer lists; validation stops
   * at the next one, which the answer reports as a last error saying so.
   */
  readonly maxValidationErrors: number;
  /** `FEDERESS_MAX_BODY_BYTES` (default 1048576, 1 MiB): largest request body or WebSocket message; larger bodies get 413. */
  readonly maxBodyBytes: number;
  /** `FEDERESS_RATE_LIMIT_IP_PER_SECOND` (default 100, 0 turns it off): requests one address may sustain. */
  readonly ipRatePerSecond: number;
  /** `FEDERESS_RATE_LIMIT_IP_BURST` (default 400): requests one address may send at once. */
  readonly ipBurst: number;
  /** `FEDERESS_RATE_LIMIT_TOKEN_PER_SECOND` (default 50, 0 turns it off): requests one bearer token may sustain. */
  readonly tokenRatePerSecond: number;
  /** `FEDERESS_RATE_LIMIT_TOKEN_BURST` (default 200): requests one bearer token may send at once. */
  readonly tokenBurst: number;
  /** `FEDERESS_RATE_LIMIT_ENTRIES` (default 10000): addresses and tokens remembered; the least recent are forgotten. */
  readonly rateLimitEntries: number;
  /** `FEDERESS_HTTP_HEADERS_TIMEOUT_MS` (default 10000): the longest a client may take to send a request's headers. */
  readonly headersTimeoutMs: number;
  /**
   * `FEDERESS_HTTP_REQUEST_TIMEOUT_MS` (default 30000, at least the headers timeout): the longest a
   * client may take to send a whole request, body included (a WebSocket, once upgraded, is not bound by it).
   */
  readonly requestTimeoutMs: number;
  /** `FEDERESS_HTTP_KEEP_ALIVE_TIMEOUT_MS` (default 5000): how long an idle kept-alive connection stays open. */
  readonly keepAliveTimeoutMs: number;
  /**
   * `FEDERESS_MAX_CONNECTIONS_PER_ADDRESS` (default 1000, 0 turns it off): open connections (HTTP and
   * WebSocket) one client address may hold; one more is closed at once.
   */
  readonly maxConnectionsPerAddress: number;
}

export function readLimitSettings(env: Environment = process.env): LimitSettings {
  const headersTimeoutMs = readInteger(env, 'FEDERESS_HTTP_HEADERS_TIMEOUT_MS', 10_000, 100);
  const requestTimeoutMs = readInteger(env, 'FEDERESS_HTTP_REQUEST_TIMEOUT_MS', 30_000, 100);
  // Node refuses a headers timeout longer than the request's, which includes the headers.
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new SettingError(
      'FEDERESS_HTTP_REQUEST_TIMEOUT_MS',
      String(requestTimeoutMs),
      `at least FEDERESS_HTTP_HEADERS_TIMEOUT_MS (${headersTimeoutMs})`,
    );
  }
  return {
    maxDepth: readInteger(env, 'FEDERESS_MAX_DEPTH', 12, 1),
    maxAliases: readInteger(env, 'FEDERESS_MAX_ALIASES', 30, 0),
    maxRootFields: readInteger(env, 'FEDERESS_MAX_ROOT_FIELDS', 20, 1),
    maxTokens: readInteger(env, 'FEDERESS_MAX_TOKENS', 3000, 10),
    maxCharacters: readInteger(env, 'FEDERESS_MAX_CHARACTERS', 100_000, 100),
    maxDirectives: readInteger(env, 'FEDERESS_MAX_DIRECTIVES', 20, 0),
    maxCost: readInteger(env, 'FEDERESS_MAX_COST', 100_000, 1),
    defaultListSize: readInteger(env, 'FEDERESS_DEFAULT_LIST_SIZE', 10, 1),
    maxValidationErrors: readInteger(env, 'FEDERESS_MAX_VALIDATION_ERRORS', 10, 1),
    maxBodyBytes: readInteger(env, 'FEDERESS_MAX_BODY_BYTES', 1024 * 1024, 1024),
    ipRatePerSecond: readInteger(env, 'FEDERESS_RATE_LIMIT_IP_PER_SECOND', 100, 0),
    ipBurst: readInteger(env, 'FEDERESS_RATE_LIMIT_IP_BURST', 400, 1),
    tokenRatePerSecond: readInteger(env, 'FEDERESS_RATE_LIMIT_TOKEN_PER_SECOND', 50, 0),
    tokenBurst: readInteger(env, 'FEDERESS_RATE_LIMIT_TOKEN_BURST', 200, 1),
    rateLimitEntries: readInteger(env, 'FEDERESS_RATE_LIMIT_ENTRIES', 10_000, 1),
    headersTimeoutMs,
    requestTimeoutMs,
    keepAliveTimeoutMs: readInteger(env, 'FEDERESS_HTTP_KEEP_ALIVE_TIMEOUT_MS', 5_000, 1),
    maxConnectionsPerAddress: readInteger(env, 'FEDERESS_MAX_CONNECTIONS_PER_ADDRESS', 1000, 0),
  };
}
