import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { childEnvironment, readLauncherSettings, SUBGRAPH_NAMES } from '@federess/config';
import { freePort } from '@federess/database';
import { startHub } from '@federess/launcher';
import { round } from './load';

export interface StartupResult {
  /** Fresh data directory: initdb, databases, migrations, the COG referential and the seed, four subgraphs, the gateway. */
  readonly coldS: number;
  /** The same data directory again: existing cluster, migrations and seeds up to date. */
  readonly warmS: number;
  readonly dataDir: string;
}

/**
 * What `pnpm start` does after its build (startHub with the embedded Postgres and FEDERESS_DATA_DIR
 * under the OS temporary directory), timed to ready (every /health answering), cold then warm.
 */
export async function runStartup(log: (line: string) => void): Promise<StartupResult> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'federess-bench-start-'));
  fs.chmodSync(root, 0o755);
  const dataDir = path.join(root, 'pgdata');
  try {
    const env: Record<string, string> = {
      FEDERESS_DATA_DIR: dataDir,
      FEDERESS_PG_PORT: String(await freePort()),
      GATEWAY_PORT: String(await freePort()),
    };
    for (const name of SUBGRAPH_NAMES) env[`${name.toUpperCase()}_PORT`] = String(await freePort());
    const childEnv = childEnvironment(env);
    delete childEnv.DATABASE_URL;
    const timed = async (label: string) => {
      const started = performance.now();
      const hub = await startHub(readLauncherSettings(env), { env: childEnv, log: (line) => log(`    ${label}: ${line}`) });
      const seconds = (performance.now() - started) / 1000;
      await hub.stop();
      return round(seconds, 2);
    };
    const coldS = await timed('cold');
    log(`  cold start to ready: ${coldS} s`);
    const warmS = await timed('warm');
    log(`  warm restart to ready: ${warmS} s`);
    return { coldS, warmS, dataDir };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
