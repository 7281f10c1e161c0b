import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';

export interface ServiceProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Resolves when the process has exited. */
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** The entry point (`dist/index.js`) of a workspace service package. */
export function entryOf(packageName: string): string {
  return path.join(path.dirname(require.resolve(`${packageName}/package.json`)), 'dist', 'index.js');
}

/**
 * Runs one service as a child process, its output prefixed with its name. Services run in their own
 * processes, as they would in production: one crashing does not take the others down. `nodeOptions`
 * go to Node itself (the bench's `--cpu-prof`, which NODE_OPTIONS does not accept).
 */
export function startService(name: string, entry: string, env: NodeJS.ProcessEnv, nodeOptions: readonly string[] = []): ServiceProcess {
  const child = spawn(process.execPath, [...nodeOptions, entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) => {
    let pending = '';
    stream.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) out.write(`  ${line.startsWith('[') ? line : `[${name}] ${line}`}\n`);
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    name,
    child,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls a health URL until it answers 200, the process exits, or the deadline passes. */
export async function waitHealthy(service: ServiceProcess, healthUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void service.exited.then((code) => {
    exitCode = code;
  });
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`${service.name} exited with status ${exitCode} while starting (see its output above)`);
    try {
      const response = await fetch(healthUrl, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${service.name} was not healthy at ${healthUrl} within ${timeoutMs / 1000} s`);
}
