import { spawn } from 'node:child_process';
import * as path from 'node:path';

/**
 * A service started by runServer around an Apollo Server, holding what every real service holds
 * until it is stopped (a database pool, a LISTEN connection: here a timer), in its own process.
 */
const SERVICE = `
const { ApolloServer } = require('@apollo/server');
const { configureLogger } = require('@federess/observability');
const { runServer, sharedApolloOptions } = require('./dist');
// As a service does at start: its lines at info (the test waits for "ready at").
configureLogger({ service: 'service', level: 'info', format: 'json' });
runServer('service', async () => {
  const apollo = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }', ...sharedApolloOptions('development') });
  await apollo.start();
  const held = setInterval(() => undefined, 1000);
  return {
    listen: async () => 'nowhere',
    stop: async () => {
      await apollo.stop();
      clearInterval(held);
    },
  };
});`;

describe('runServer', () => {
  it('stops its Apollo Server and exits 0 on SIGTERM, without waiting to be killed', async () => {
    // NODE_ENV=test would hide the fault: Apollo Server installs its own signal handlers only outside tests.
    const child = spawn(process.execPath, ['-e', SERVICE], {
      cwd: path.join(__dirname, '..'),
      env: { NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const ready = new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('ready at')) resolve();
      }),
    );
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await ready;
    // Its signal handlers are set just after the line is written (a pipe write is synchronous on Linux).
    await new Promise((resolve) => setTimeout(resolve, 200));
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([exited, new Promise<string>((resolve) => (timer = setTimeout(() => resolve('still running'), 4000)))]);
    clearTimeout(timer);
    if (code === 'still running') child.kill('SIGKILL');
    // (Its last lines may be lost: process.exit does not wait for a pipe to drain.)
    expect({ code, output }).toMatchObject({ code: 0 });
  }, 20_000);
});
