import { readSubgraphSettings, type SubgraphName, type SubgraphSettings } from '@federess/config';
import { logOf } from '@federess/observability';
import { runServer } from '@federess/server-kit';
import type { SubgraphServer } from './subgraph-server';

/** The body of every subgraph's `index.ts`. */
export function runSubgraph(name: SubgraphName, createServer: (settings: SubgraphSettings) => Promise<SubgraphServer>): void {
  let settings: SubgraphSettings;
  try {
    settings = readSubgraphSettings(name);
  } catch (error) {
    logOf('lifecycle').error(`${name} cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
  runServer(name, () => createServer(settings), settings.region ? ` (region ${settings.region})` : '', settings);
}
