import * as fs from 'node:fs';
import * as path from 'node:path';

/** The composed supergraph shipped with the gateway (regenerate it with `pnpm compose`). */
export const DEFAULT_SUPERGRAPH_PATH = path.join(__dirname, '..', 'supergraph.graphql');

export function readSupergraph(file: string | undefined): string {
  const resolved = file ?? DEFAULT_SUPERGRAPH_PATH;
  if (!fs.existsSync(resolved))
    throw new Error(`Supergraph file not found: ${resolved} (set FEDERESS_SUPERGRAPH, or run \`pnpm compose\`)`);
  return fs.readFileSync(resolved, 'utf8');
}
