import { childEnvironment, readLauncherSettings } from '@federess/config';
import { type RunningHub, startHub } from './hub';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** `pnpm start`: the whole hub in one command; Ctrl-C stops everything cleanly. */
async function main(): Promise<void> {
  const startedAt = Date.now();
  const settings = readLauncherSettings();
  /** The running hub, once started; a stop signal that came before it is honoured then. */
  const state: { hub?: RunningHub; stopRequested?: string } = {};

  const stop = (signal: string) => {
    if (state.stopRequested) return;
    state.stopRequested = signal;
    // A signal during start-up is honoured once the hub is up (or has failed and cleaned up after itself).
    const { hub } = state;
    if (!hub) return console.log(`\n${signal}: the hub stops as soon as it has started…`);
    console.log(`\n${signal}: stopping the hub…`);
    hub.stop().then(
      () => {
        console.log('Stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error('Error while stopping:', error);
        process.exit(1);
      },
    );
  };
  // Registered before anything starts, so that no signal can end this process with its services still running.
  for (const signal of STOP_SIGNALS) process.on(signal, () => stop(signal));

  const hub = await startHub(settings, { env: childEnvironment() });
  state.hub = hub;
  if (state.stopRequested) {
    const signal = state.stopRequested;
    state.stopRequested = undefined;
    return stop(signal);
  }
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`
FédérESS is ready in ${seconds} s.
  Gateway (national graph)  ${hub.gatewayUrl}
${Object.entries(hub.subgraphUrls)
  .map(([name, url]) => `  Subgraph ${name.padEnd(16)} ${url}`)
  .join('\n')}
Open the gateway URL in a browser to try a query. Ctrl-C stops the hub.`);
}

main().catch((error: unknown) => {
  console.error(`FédérESS cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
