/**
 * Limits small enough that an operation "just under" and one "just over" each limit stay short: the
 * settings a subgraph's limit tests start it with (as environment variables, read by @federess/config).
 */
export const SMALL_LIMITS = {
  FEDERESS_MAX_DEPTH: '4',
  FEDERESS_MAX_ALIASES: '3',
  FEDERESS_MAX_ROOT_FIELDS: '3',
  FEDERESS_MAX_TOKENS: '80',
  FEDERESS_MAX_DIRECTIVES: '2',
  FEDERESS_MAX_COST: '400',
} as const;
