import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { childEnvironment } from '@federess/config';
import { freePort } from '@federess/database';

export interface Peer {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** The checked-in supergraph with each subgraph's URL replaced by where the bench's subgraphs listen. */
export function supergraphFor(sdl: string, subgraphUrls: Readonly<Record<string, string>>): string {
  return sdl.replace(/@join__graph\(name: "([a-z]+)", url: "[^"]*"\)/g, (whole, name: string) => {
    const url = subgraphUrls[name];
    return url ? `@join__graph(name: "${name}", url: "${url}")` : whole;
  });
}

function run(name: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string): ChildProcess {
  const child = spawn(process.execPath, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const forward = (stream: NodeJS.ReadableStream) => {
    let pending = '';
    stream.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      // Only warnings and errors: a peer's info logs would drown the progress lines.
      for (const line of lines) if (/error|warn|fail/i.test(line)) process.stderr.write(`  [${name}] ${line.slice(0, 300)}\n`);
    });
  };
  forward(child.stdout);
  forward(child.stderr);
  return child;
}

/** Resolves once `{ __typename }` answers 200 over POST (the same probe for every peer). */
export async function waitAnswers(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode}`);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
        signal: AbortSignal.timeout(2000),
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
}

/** How a Hive Gateway peer runs, beside what every peer shares. */
export interface HiveOptions {
  /** `hive`, `hive-rust`, `hive-ttl`: its name in the results, and its config file's. */
  readonly name: string;
  /** Plans with Hive's Rust query planner (`@graphql-hive/router-runtime`) instead of the JavaScript one. */
  readonly rustPlanner?: boolean;
  /** Hive's own response cache, entries kept this many ms (the TTL cache of the freshness scenario). */
  readonly responseCacheTtlMs?: number;
}

/** The gateway's proof every peer sends to the subgraphs, as FédérESS's gateway does: every gateway is called alike. */
export interface TrustedHeader {
  readonly name: string;
  readonly value: string;
}

/**
 * Hive Gateway through its own CLI (`hive-gateway supergraph`), one process (no fork), its defaults,
 * on the same supergraph file. Configured only with what the comparison needs: the transport of
 * subscriptions to the subgraphs (graphql-ws on their `/graphql`, without which Hive federates no
 * subscription), the trusted header, and per peer the Rust planner or a TTL response cache.
 */
export async function startHive(supergraphFile: string, workDir: string, trusted: TrustedHeader, options: HiveOptions): Promise<Peer> {
  const port = await freePort();
  const bin = path.join(path.dirname(require.resolve('@graphql-hive/gateway')), 'bin.js');
  const config = path.join(workDir, `${options.name}.config.mjs`);
  // The Rust planner's ES module, by absolute path: the config file lives outside the workspace.
  const rust = path.join(path.dirname(require.resolve('@graphql-hive/router-runtime')), 'index.js');
  fs.writeFileSync(
    config,
    [
      options.rustPlanner ? `import { unifiedGraphHandler } from ${JSON.stringify(rust)};` : '',
      'export const gatewayConfig = {',
      options.rustPlanner ? '  unifiedGraphHandler,' : '',
      "  transportEntries: { '*.http': { options: { subscriptions: { kind: 'ws', location: '/graphql' } } } },",
      // As FédérESS's gateway does: the caller's token goes on to the subgraphs, with the gateway's proof.
      '  propagateHeaders: {',
      '    fromClientToSubgraphs: ({ request }) => {',
      `      const headers = ${JSON.stringify({ [trusted.name]: trusted.value })};`,
      "      const authorization = request.headers.get('authorization');",
      '      if (authorization) headers.authorization = authorization;',
      '      return headers;',
      '    },',
      '  },',
      options.responseCacheTtlMs ? `  responseCaching: { session: () => null, ttl: ${options.responseCacheTtlMs} },` : '',
      '};',
      '',
    ].join('\n'),
  );
  const child = run(
    options.name,
    [bin, 'supergraph', supergraphFile, '--host', '127.0.0.1', '--port', String(port), '--fork', '1', '-c', config],
    childEnvironment(),
    workDir,
  );
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitAnswers(url, child, 60_000);
  return { name: options.name, url, child, stop: stopper(child) };
}

/** The plain `@apollo/gateway` with default settings behind `@apollo/server`'s standalone server. */
export async function startApollo(supergraphFile: string, trusted: TrustedHeader): Promise<Peer> {
  const port = await freePort();
  const child = run(
    'apollo',
    [path.join(__dirname, 'apollo-peer.js'), supergraphFile, String(port), trusted.name, trusted.value],
    childEnvironment(),
  );
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitAnswers(url, child, 60_000);
  return { name: 'apollo', url, child, stop: stopper(child) };
}
