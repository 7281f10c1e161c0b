import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { databaseUrlOn } from '@federess/config';
import { startEmbeddedPostgres } from './embedded';

export interface ThrowawayPostgres {
  /** URL of the server's `postgres` database. */
  readonly serverUrl: string;
  /** URL of a database with this name on the server (created on first use by `openDataSource`). */
  databaseUrl(name: string): string;
  stop(): Promise<void>;
}

/** A free TCP port on loopback, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A fresh embedded Postgres cluster for one test run, on a free port, deleted when stopped. */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'federess-test-'));
  fs.chmodSync(root, 0o755);
  const running = await startEmbeddedPostgres({ dataDir: path.join(root, 'pgdata'), port: await freePort(), durable: false });
  return {
    serverUrl: running.url,
    databaseUrl: (name) => databaseUrlOn(running.url, name),
    async stop() {
      await running.stop();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
