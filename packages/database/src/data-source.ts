import 'reflect-metadata';
import { DataSource, type EntitySchema, type Logger, type MixedList } from 'typeorm';
import { ensureDatabase } from './databases';

export interface DataSourceOptions {
  readonly url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations: MixedList<Function | string>;
  /** Pool size (default 10). */
  readonly poolSize?: number;
  readonly logger?: Logger;
}

/**
 * Opens a subgraph's database, creating it if needed, and brings its schema up to date with the
 * subgraph's own migrations. `synchronize` is never used: the migrations are the schema.
 */
export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  await ensureDatabase(options.url);
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: options.logger ? ['query', 'error'] : ['error'],
    logger: options.logger,
    extra: { max: options.poolSize ?? 10 },
  });
  await dataSource.initialize();
  // Migrations of several replicas starting together must not interleave: one takes the lock, the others wait.
  await dataSource.query('SELECT pg_advisory_lock(727274)');
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.query('SELECT pg_advisory_unlock(727274)');
  }
  return dataSource;
}
