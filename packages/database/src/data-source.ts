import { readSqlSettings, type SqlSettings } from '@federess/config';
import { watchSqlPool } from '@federess/observability';
import { DataSource, type EntitySchema, type Logger, type MixedList } from 'typeorm';
import { ensureDatabase } from './databases';
import { SqlErrorLogger } from './sql-error-logger';

export interface DataSourceOptions {
  readonly url: string;
  // TypeORM's own type for entity and migration classes (DataSourceOptions): `Function`, which ours must accept as it is.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- the same TypeORM type as above
  readonly migrations: MixedList<Function | string>;
  /** Pool size (default: `sql.poolSize`, 10). */
  readonly poolSize?: number;
  /** Timeouts of every call (default: the documented defaults of FEDERESS_SQL_*). */
  readonly sql?: Partial<SqlSettings>;
  /** Default: SqlErrorLogger, which logs failed statements without their parameters. */
  readonly logger?: Logger;
}

/**
 * node-postgres pool options bounding every call: `statement_timeout` and `lock_timeout` are sent
 * as connection parameters, so the server cancels a statement past them (SQLSTATE 57014, 55P03);
 * `query_timeout` is the client's own bound, a little later, for a server that no longer answers at
 * all; `connectionTimeoutMillis` bounds connecting and waiting for a free pooled connection.
 */
export function poolOptions(sql: SqlSettings): Record<string, number> {
  return {
    max: sql.poolSize,
    statement_timeout: sql.statementTimeoutMs,
    lock_timeout: sql.lockTimeoutMs,
    query_timeout: sql.statementTimeoutMs + 1_000,
    connectionTimeoutMillis: sql.connectionTimeoutMs,
  };
}

/** Brings a database's schema up to date, on one connection of its own without the timeouts. */
async function migrate(options: DataSourceOptions, sql: SqlSettings): Promise<void> {
  // One connection, so that the advisory lock and its unlock are in the same session; no statement
  // or lock timeout, because a migration may rightly take long, and a replica starting while another
  // migrates must wait for it. Connecting stays bounded.
  const migrator = new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    logger: new SqlErrorLogger(),
    extra: { max: 1, connectionTimeoutMillis: sql.connectionTimeoutMs },
  });
  await migrator.initialize();
  try {
    // Migrations of several replicas starting together must not interleave: one takes the lock, the others wait.
    await migrator.query('SELECT pg_advisory_lock(727274)');
    try {
      await migrator.runMigrations({ transaction: 'each' });
    } finally {
      await migrator.query('SELECT pg_advisory_unlock(727274)');
    }
  } finally {
    await migrator.destroy();
  }
}

/**
 * Opens a subgraph's database, creating it if needed, and brings its schema up to date with the
 * subgraph's own migrations. `synchronize` is never used: the migrations are the schema. Every
 * call through the returned data source is bounded by the `sql` timeouts.
 */
export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  const sql: SqlSettings = { ...readSqlSettings({}), ...options.sql, ...(options.poolSize ? { poolSize: options.poolSize } : {}) };
  await ensureDatabase(options.url);
  await migrate(options, sql);
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    synchronize: false,
    logging: options.logger ? ['query', 'error'] : ['error'],
    logger: options.logger ?? new SqlErrorLogger(),
    extra: poolOptions(sql),
  });
  await dataSource.initialize();
  // The pool's connections in use and statements waiting, read at each scrape of /metrics.
  const pool = (dataSource.driver as unknown as { master?: Parameters<typeof watchSqlPool>[0] }).master;
  if (pool) {
    const unwatch = watchSqlPool(pool);
    const destroy = dataSource.destroy.bind(dataSource);
    dataSource.destroy = () => {
      unwatch();
      return destroy();
    };
  }
  return dataSource;
}
