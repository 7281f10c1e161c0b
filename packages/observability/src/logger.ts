import type { LogFormat, LogLevel } from '@federess/config';
import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { scrub, scrubFields } from './log-scrub';
import { currentRequest } from './request-scope';

export interface LoggerOptions {
  /** `gateway`, `clubs`, `rencontres`, … : on every line. */
  readonly service: string;
  readonly level: LogLevel;
  readonly format: LogFormat;
  /** Where lines go (default: standard output, written synchronously so that none is lost at exit). */
  readonly destination?: DestinationStream;
}

/** Fields of a log line beside its message: never a value a client sent. */
export type LogFields = Readonly<Record<string, unknown>>;

/** Standard output, or standard error for `fd` 2, in the chosen format; written synchronously so that no line is lost at exit. */
function stream(format: LogFormat, fd: 1 | 2): DestinationStream {
  return format === 'pretty'
    ? pretty({
        sync: true,
        destination: fd,
        singleLine: true,
        colorize: fd === 1 ? process.stdout.isTTY : process.stderr.isTTY,
        translateTime: 'SYS:HH:MM:ss.l',
        ignore: 'pid,hostname,service,component',
        messageFormat: '[{service}{if component}/{component}{end}] {msg}',
      })
    : pino.destination({ dest: fd, sync: true });
}

function createLogger(options: LoggerOptions): Logger {
  // Errors (a service that cannot start, a fault) on standard error, everything else on standard output.
  const destination =
    options.destination ??
    pino.multistream(
      [
        { level: 'trace', stream: stream(options.format, 1) },
        { level: 'error', stream: stream(options.format, 2) },
      ],
      { dedupe: true },
    );
  return pino(
    {
      level: options.level,
      base: { service: options.service, pid: process.pid, hostname: undefined },
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        // Whatever a field holds, no token, e-mail or secret leaves (see scrub).
        log: (fields) => scrubFields(fields) as Record<string, unknown>,
      },
      // The trace of the request being served, on every line written while serving it.
      mixin: () => {
        const scope = currentRequest();
        return scope ? { trace_id: scope.traceId, span_id: scope.spanId } : {};
      },
      hooks: {
        logMethod(args, method) {
          const [first, ...rest] = args;
          if (typeof first === 'string') return method.apply(this, [scrub(first), ...rest] as Parameters<typeof method>);
          if (typeof rest[0] === 'string')
            return method.apply(this, [first, scrub(rest[0]), ...rest.slice(1)] as Parameters<typeof method>);
          return method.apply(this, args);
        },
      },
    },
    destination,
  );
}

/**
 * Until a service configures its logging (at start, from its settings), only warnings and errors
 * are written, as JSON: the servers that tests start inside their own process stay quiet.
 */
let root: Logger = createLogger({ service: 'federess', level: 'warn', format: 'json' });

/** Sets the process's logging once, at start (see bootService). */
export function configureLogger(options: LoggerOptions): void {
  root = createLogger(options);
}

/** A part of a service that logs (`sql`, `events`, `subgraph-calls`, …): its name is on its lines. */
export interface ComponentLog {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** Whether a line at this level would be written (to skip building an expensive one). */
  enabled(level: 'debug' | 'info'): boolean;
}

/**
 * The log of one component. It writes through the process's logger as configured at the time of
 * each line, so a module may take its log at load time, before the service configured it.
 */
export function logOf(component: string): ComponentLog {
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (message: string, fields?: LogFields) =>
    root[level]({ component, ...fields }, message);
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    enabled: (level) => root.isLevelEnabled(level),
  };
}

/** Writes what is buffered (lines are written synchronously: nothing to wait for, kept for a destination that is not). */
export function flushLogs(): void {
  root.flush();
}
