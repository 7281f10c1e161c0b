import { Writable } from 'node:stream';
import { configureLogger } from './logger';

/** The lines a service wrote, parsed, and their messages and fields as one text to search. */
export interface CapturedLogs {
  readonly lines: readonly Record<string, unknown>[];
  readonly text: string;
}

/**
 * For tests: every line the process logs (at debug and above) while `run` runs, instead of standard
 * output. Logging is then back to its state before any configuration (warnings and errors, JSON).
 */
export async function captureLogs(run: () => Promise<unknown>): Promise<CapturedLogs> {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  configureLogger({ service: 'test', level: 'debug', format: 'json', destination });
  try {
    await run();
  } finally {
    configureLogger({ service: 'federess', level: 'warn', format: 'json' });
  }
  const values = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(values) : [String(value)];
  return { lines, text: lines.map((line) => values(line).join(' ')).join('\n') };
}
