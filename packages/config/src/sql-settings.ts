import { type Environment, readInteger } from './read';

/**
 * Bounds on every call a subgraph makes to Postgres, applied to each pooled connection: a slow
 * query, a lock held by a stuck transaction or an unreachable server cannot hold a request (and
 * its connection) forever. A call cut short reaches the client as a TIMEOUT error.
 */
export interface SqlSettings {
  /** `FEDERESS_SQL_STATEMENT_TIMEOUT_MS` (default 15000): the longest one SQL statement may run (Postgres `statement_timeout`). */
  readonly statementTimeoutMs: number;
  /** `FEDERESS_SQL_LOCK_TIMEOUT_MS` (default 5000): the longest a statement waits for a row or table lock (Postgres `lock_timeout`). */
  readonly lockTimeoutMs: number;
  /** `FEDERESS_SQL_CONNECTION_TIMEOUT_MS` (default 5000): the longest to wait for a connection, new or from the pool. */
  readonly connectionTimeoutMs: number;
  /** `FEDERESS_SQL_POOL_SIZE` (default 10): connections each subgraph instance keeps to its database. */
  readonly poolSize: number;
}

export function readSqlSettings(env: Environment = process.env): SqlSettings {
  return {
    statementTimeoutMs: readInteger(env, 'FEDERESS_SQL_STATEMENT_TIMEOUT_MS', 15_000, 1),
    lockTimeoutMs: readInteger(env, 'FEDERESS_SQL_LOCK_TIMEOUT_MS', 5_000, 1),
    connectionTimeoutMs: readInteger(env, 'FEDERESS_SQL_CONNECTION_TIMEOUT_MS', 5_000, 1),
    poolSize: readInteger(env, 'FEDERESS_SQL_POOL_SIZE', 10, 1),
  };
}
