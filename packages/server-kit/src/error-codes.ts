/**
 * Every `extensions.code` the hub returns, its own and those Apollo Server and graphql-js give.
 * Clients switch on these; they never change meaning. The README's error table lists when each one
 * happens (a test checks the table lists exactly these).
 */
export enum ErrorCode {
  /** A value is malformed or out of range (dates, ids, region codes, page sizes, …). */
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** The body is not a GraphQL request at all (malformed JSON, wrong content type). */
  BAD_REQUEST = 'BAD_REQUEST',
  /** The operation does not parse. */
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  /** The operation asks for what the schema does not have (or, in production, for introspection). */
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  /** The document holds several operations and `operationName` names none of them. */
  OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE',
  /** Automatic persisted queries are off: the client sends the full text instead. */
  PERSISTED_QUERY_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED',
  /** The thing asked for does not exist (or is outside this instance's region). */
  NOT_FOUND = 'NOT_FOUND',
  /** The change contradicts the current state (cancelling a cancelled rencontre, registering twice). */
  CONFLICT = 'CONFLICT',
  /** A registration would exceed a rencontre's capacity. */
  CAPACITY_REACHED = 'CAPACITY_REACHED',
  /** A write outside the region this instance is scoped to. */
  OUT_OF_REGION = 'OUT_OF_REGION',
  /** A token is needed, or the one sent does not verify (HTTP 401; over graphql-ws the socket closes with 4403). */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** The token is valid but its role or régions do not allow this. */
  FORBIDDEN = 'FORBIDDEN',
  /** A subgraph did not answer; the rest of the response still holds the other subgraphs' data. */
  SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE',
  /** An `apres` older than the outbox retention: the events after it are gone. */
  EVENTS_EXPIRED = 'EVENTS_EXPIRED',
  /** A live-feed client fell too far behind; it is ended and can resume with `apres`. */
  SLOW_CONSUMER = 'SLOW_CONSUMER',
  /** The operation nests fields deeper than FEDERESS_MAX_DEPTH. */
  DEPTH_LIMIT_EXCEEDED = 'DEPTH_LIMIT_EXCEEDED',
  /** The operation uses more aliases than FEDERESS_MAX_ALIASES. */
  ALIAS_LIMIT_EXCEEDED = 'ALIAS_LIMIT_EXCEEDED',
  /** The operation selects more root fields than FEDERESS_MAX_ROOT_FIELDS. */
  ROOT_FIELD_LIMIT_EXCEEDED = 'ROOT_FIELD_LIMIT_EXCEEDED',
  /** The document has more lexical tokens than FEDERESS_MAX_TOKENS (refused before parsing). */
  TOKEN_LIMIT_EXCEEDED = 'TOKEN_LIMIT_EXCEEDED',
  /** The document is longer than FEDERESS_MAX_CHARACTERS characters (refused before lexing). */
  CHARACTER_LIMIT_EXCEEDED = 'CHARACTER_LIMIT_EXCEEDED',
  /** The document writes more directives than FEDERESS_MAX_DIRECTIVES. */
  DIRECTIVE_LIMIT_EXCEEDED = 'DIRECTIVE_LIMIT_EXCEEDED',
  /** The operation's estimated cost, list sizes multiplied, is above FEDERESS_MAX_COST. */
  COST_LIMIT_EXCEEDED = 'COST_LIMIT_EXCEEDED',
  /** The database did not answer in time (FEDERESS_SQL_*_TIMEOUT_MS); nothing was changed by the cut statement. */
  TIMEOUT = 'TIMEOUT',
  /** Too many requests from one address or one token; retry after the Retry-After header. */
  RATE_LIMITED = 'RATE_LIMITED',
  /** Production mode: the operation asks for the schema (`__schema`, `__type`), which is documented rather than served. */
  INTROSPECTION_DISABLED = 'INTROSPECTION_DISABLED',
  /** A fault of the hub, not of the request; details stay in the server log. */
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  /** Development mode only: a subgraph answered an error without a code of ours (production says INTERNAL_SERVER_ERROR). */
  DOWNSTREAM_SERVICE_ERROR = 'DOWNSTREAM_SERVICE_ERROR',
}
