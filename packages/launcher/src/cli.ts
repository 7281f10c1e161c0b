import { readLauncherSettings } from '@federess/config';
import { startHub } from './hub';

/** `pnpm start`: the whole hub in one command; Ctrl-C stops everything cleanly. */
async function main(): Promise<void> {
  const startedAt = Date.now();
  const settings = readLauncherSettings();
  const hub = await startHub(settings, { env: process.env });
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`
FédérESS is ready in ${seconds} s.
  Gateway (national graph)  ${hub.gatewayUrl}
${Object.entries(hub.subgraphUrls)
  .map(([name, url]) => `  Subgraph ${name.padEnd(16)} ${url}`)
  .join('\n')}
Open the gateway URL in a browser to try a query. Ctrl-C stops the hub.`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
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
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`FédérESS cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
