import { ErrorCode } from './error-codes';

/** Postgres error codes that mean the client sent a value the column cannot hold. */
const INVALID_VALUE_SQLSTATES = new Set(['22P02', '22007', '22008', '22003', '22001']);

/**
 * Postgres error codes of a statement cut short by a bound of ours: 57014 query_canceled (what
 * `statement_timeout` raises; the hub never cancels statements otherwise) and 55P03
 * lock_not_available (what `lock_timeout` raises).
 */
const TIMEOUT_SQLSTATES = new Set(['57014', '55P03']);

/** node-postgres' own timeouts, which carry no SQLSTATE: `query_timeout` and the pool's `connectionTimeoutMillis`. */
const CLIENT_TIMEOUT_MESSAGES =
  /^(Query read timeout|timeout exceeded when trying to connect|Connection terminated due to connection timeout)$/;

interface DatabaseError {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly driverError?: { readonly code?: unknown; readonly message?: unknown };
}

/**
 * The code of a database error a client should see, or undefined for a fault of the hub. TypeORM
 * wraps the driver's error in `driverError`; a failure to connect arrives unwrapped.
 */
export function databaseErrorCode(error: unknown): ErrorCode.BAD_USER_INPUT | ErrorCode.TIMEOUT | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { driverError } = error as DatabaseError;
  const state = driverError?.code;
  if (typeof state === 'string' && INVALID_VALUE_SQLSTATES.has(state)) return ErrorCode.BAD_USER_INPUT;
  if (typeof state === 'string' && TIMEOUT_SQLSTATES.has(state)) return ErrorCode.TIMEOUT;
  const message = driverError?.message ?? (error as DatabaseError).message;
  if (typeof message === 'string' && CLIENT_TIMEOUT_MESSAGES.test(message)) return ErrorCode.TIMEOUT;
  return undefined;
}

/** Where a unique violation (SQLSTATE 23505) happened, or undefined for any other error. */
export function uniqueViolation(error: unknown): { readonly table?: string; readonly constraint?: string } | undefined {
  const driverError = (error as { driverError?: { code?: unknown; table?: string; constraint?: string } } | null)?.driverError;
  return driverError?.code === '23505' ? { table: driverError.table, constraint: driverError.constraint } : undefined;
}
