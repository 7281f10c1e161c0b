import { describeInternalError } from './internal-error-log';

/** What `runServer` needs of a server: to listen and to stop. */
export interface RunnableServer {
  listen(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The body of every service's `index.ts`: create the server, listen, print where, and stop cleanly on
 * SIGINT/SIGTERM. A start-up failure prints one clear line (no stack trace) and exits with status 1.
 */
export function runServer(label: string, create: () => Promise<RunnableServer>, note = ''): void {
  // A promise nobody awaited must not take every client's connection down with the process.
  process.on('unhandledRejection', (reason) => {
    console.error(`[${label}] unhandled rejection (kept running):`, describeInternalError(reason, 'production'));
  });
  const start = async () => {
    const server = await create();
    const url = await server.listen();
    console.log(`[${label}] ready at ${url}${note}`);
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`[${label}] ${signal}: stopping`);
      server.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(`[${label}] error while stopping:`, error);
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  };
  start().catch((error: unknown) => {
    console.error(`[${label}] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
