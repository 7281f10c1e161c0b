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

/** Where a service's output lines go: by default this process's own output, each prefixed with the service's name. */
export type ServiceOutput = (line: string, stream: 'stdout' | 'stderr') => void;

export interface ServiceOptions {
  /** Each complete line the service writes (default: this process's stdout and stderr, prefixed). */
  readonly output?: ServiceOutput;
  /**
   * How long a stop waits after SIGTERM before SIGKILL (default 15 s: the default drain,
   * FEDERESS_DRAIN_TIMEOUT_MS, and 5 s more, so that a graceful stop is not cut short).
   */
  readonly killAfterMs?: number;
  /** Options for Node itself (default none; the bench's `--cpu-prof`, which NODE_OPTIONS does not accept). */
  readonly nodeOptions?: readonly string[];
}

/**
 * Runs one service as a child process, its output prefixed with its name. Services run in their own
 * processes, as they would in production: one crashing does not take the others down.
 */
export function startService(name: string, entry: string, env: NodeJS.ProcessEnv, options: ServiceOptions = {}): ServiceProcess {
  const child = spawn(process.execPath, [...(options.nodeOptions ?? []), entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: ServiceOutput =
    options.output ??
    ((line, stream) =>
      (stream === 'stdout' ? process.stdout : process.stderr).write(`  ${line.startsWith('[') ? line : `[${name}] ${line}`}\n`));
  const lines = (stream: NodeJS.ReadableStream, kind: 'stdout' | 'stderr') => {
    let pending = '';
    stream.on('data', (chunk: Buffer) => {
      const complete = (pending + chunk.toString('utf8')).split('\n');
      pending = complete.pop() ?? '';
      for (const line of complete) if (line.trim()) output(line, kind);
    });
    stream.on('end', () => {
      if (pending.trim()) output(pending, kind);
    });
  };
  lines(child.stdout, 'stdout');
  lines(child.stderr, 'stderr');
  // 'close' rather than 'exit': the service's last lines (its stop) have been read by then.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return {
    name,
    child,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 15_000);
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
