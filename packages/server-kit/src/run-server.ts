import type { CommonSettings } from '@federess/config';
import { logOf, serveMetrics, stopTracing } from '@federess/observability';
import { describeInternalError } from './internal-error-log';

/** What `runServer` needs of a server: to listen and to stop (gracefully: see Drain). */
export interface RunnableServer {
  listen(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The body of every service's `main.ts`: create the server, listen, log where, serve the metrics on
 * their own port when FEDERESS_METRICS_PORT is set, and stop gracefully on SIGINT/SIGTERM (readiness
 * 503, requests in flight drained, sockets closed with a resumable code, spans sent, then exit). A
 * start-up failure logs one clear line (no stack trace) and exits with status 1.
 */
export function runServer(label: string, create: () => Promise<RunnableServer>, note = '', settings?: CommonSettings): void {
  const log = logOf('lifecycle');
  // A promise nobody awaited must not take every client's connection down with the process.
  process.on('unhandledRejection', (reason) => {
    log.error('unhandled rejection (kept running)', { error: describeInternalError(reason, 'production') });
  });
  const start = async () => {
    const server = await create();
    const url = await server.listen();
    const metricsPort = settings?.observability.metricsPort;
    const metrics = metricsPort !== undefined ? await serveMetrics(metricsPort, settings!.host) : undefined;
    log.info(`${label} ready at ${url}${note}${metrics ? ` (metrics on port ${metrics.port})` : ''}`);
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info(`${signal}: stopping (readiness 503, draining requests in flight)`);
      server
        .stop()
        // Metrics stay scrapeable during the drain; spans of the last requests are sent before exiting.
        .then(async () => {
          await metrics?.stop();
          await stopTracing();
          log.info('stopped');
          process.exit(0);
        })
        .catch((error: unknown) => {
          log.error('error while stopping', { error: describeInternalError(error, 'production') });
          process.exit(1);
        });
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  };
  start().catch((error: unknown) => {
    log.error(`${label} cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
