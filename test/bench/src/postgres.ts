import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { databaseUrlOn } from '@federess/config';
import { freePort, startEmbeddedPostgres, type RunningPostgres } from '@federess/database';

export interface BenchPostgres {
  readonly serverUrl: string;
  databaseUrl(name: string): string;
  /** True when pg_stat_statements is loaded (shared_preload_libraries) and created in `postgres`. */
  readonly statementStats: boolean;
  stop(): Promise<void>;
}

/**
 * A fresh throw-away embedded Postgres (what `startThrowawayPostgres` does: a temporary data directory,
 * a free port, fsync off), started twice: once to write `shared_preload_libraries = 'pg_stat_statements'`
 * with ALTER SYSTEM, then again so the library is loaded (the embedded server's flags are fixed at start,
 * so this is how the bench gets exact per-database statement counts). Deleted when stopped.
 */
export async function startBenchPostgres(log: (line: string) => void): Promise<BenchPostgres> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'federess-bench-'));
  fs.chmodSync(root, 0o755);
  const dataDir = path.join(root, 'pgdata');
  const port = await freePort();
  // The bench stops Postgres itself on Ctrl-C, after the hub and the peers that use it (see run.ts).
  const options = { dataDir, port, durable: false, stopOnSignals: false };
  let running: RunningPostgres = await startEmbeddedPostgres(options);
  let statementStats = false;
  try {
    const admin = new Client({ connectionString: running.url });
    await admin.connect();
    await admin.query("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
    await admin.query("ALTER SYSTEM SET pg_stat_statements.track = 'all'");
    await admin.end();
    await running.stop();
    running = await startEmbeddedPostgres(options);
    const check = new Client({ connectionString: running.url });
    await check.connect();
    await check.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await check.end();
    statementStats = true;
  } catch (error) {
    log(`  pg_stat_statements unavailable (${error instanceof Error ? error.message : String(error)}): SQL counts will be skipped`);
  }
  return {
    serverUrl: running.url,
    databaseUrl: (name) => databaseUrlOn(running.url, name),
    statementStats,
    async stop() {
      await running.stop();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Statements executed per database since the last reset, from pg_stat_statements (our own reads excluded). */
export class StatementStats {
  constructor(private readonly serverUrl: string) {}

  private async withClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: this.serverUrl });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  reset(): Promise<void> {
    return this.withClient(async (c) => {
      await c.query('SELECT pg_stat_statements_reset()');
    });
  }

  /**
   * calls per database (federess_* only: the bench's own queries run on `postgres`). `withoutOutboxReads`
   * leaves out the outbox listeners' reads (the gateways' cache and the rencontres replicas poll their
   * outbox every second or so, whatever the operation measured).
   */
  read(
    withoutOutboxReads = false,
  ): Promise<{ byDatabase: Record<string, number>; statements: { database: string; calls: number; query: string }[] }> {
    return this.withClient(async (c) => {
      const { rows } = await c.query<{ datname: string; calls: string; query: string }>(
        `SELECT d.datname, s.calls, s.query FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
         WHERE d.datname LIKE 'federess_%' AND NOT ($1 AND s.query LIKE '%FROM evenement WHERE id > $1 ORDER BY evenement.id%')
         ORDER BY d.datname, s.calls DESC`,
        [withoutOutboxReads],
      );
      const byDatabase: Record<string, number> = {};
      for (const row of rows) byDatabase[row.datname] = (byDatabase[row.datname] ?? 0) + Number(row.calls);
      return {
        byDatabase,
        statements: rows.map((r) => ({ database: r.datname, calls: Number(r.calls), query: r.query.replace(/\s+/g, ' ').slice(0, 160) })),
      };
    });
  }
}
