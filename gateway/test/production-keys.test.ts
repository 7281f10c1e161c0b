import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { DEVELOPMENT_GATEWAY_SECRET, DEVELOPMENT_JWT_SECRET, isolatedEnvironment } from '@federess/config';

const run = promisify(execFile);
const GATEWAY = path.join(__dirname, '..', 'dist', 'index.js');
const SUBGRAPH = require.resolve('@federess/subgraph-clubs/dist/index.js');
const OWN = 'un-secret-de-production-long-et-aleatoire-0123456789';

/** Starts a service in production mode with `env`; it must exit at once with status 1 and this message. */
async function refusesToStart(entry: string, env: Record<string, string>, message: RegExp): Promise<void> {
  const base = { FEDERESS_MODE: 'production', GATEWAY_PORT: '0', CLUBS_PORT: '0' };
  const failure = await run(process.execPath, [entry], { env: isolatedEnvironment({ ...base, ...env }), timeout: 20_000 }).then(
    () => undefined,
    (error: { code?: number; stderr?: string }) => error,
  );
  expect(failure?.code).toBe(1);
  expect(failure?.stderr).toMatch(message);
}

describe('production keys', () => {
  it('the gateway refuses to start without a key, or with the development secrets', async () => {
    await refusesToStart(GATEWAY, { FEDERESS_GATEWAY_SECRET: OWN }, /cannot start.*FEDERESS_JWT_SECRET/);
    await refusesToStart(
      GATEWAY,
      { FEDERESS_GATEWAY_SECRET: OWN, FEDERESS_JWT_SECRET: DEVELOPMENT_JWT_SECRET },
      /cannot start.*FEDERESS_JWT_SECRET/,
    );
    await refusesToStart(
      GATEWAY,
      { FEDERESS_JWT_SECRET: OWN, FEDERESS_GATEWAY_SECRET: DEVELOPMENT_GATEWAY_SECRET },
      /cannot start.*FEDERESS_GATEWAY_SECRET/,
    );
  });

  it('a subgraph refuses to start without a key', async () => {
    await refusesToStart(
      SUBGRAPH,
      { FEDERESS_GATEWAY_SECRET: OWN, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
      /cannot start.*FEDERESS_JWT_SECRET/,
    );
  });
});
