import * as fs from 'node:fs';
import { composeFromWorkspace } from '../compose';
import { DEFAULT_SUPERGRAPH_PATH } from '../supergraph-file';

/** `pnpm compose`: recomposes the checked-in supergraph from the subgraphs' SDL. */
composeFromWorkspace().then(
  (supergraph) => {
    const before = fs.existsSync(DEFAULT_SUPERGRAPH_PATH) ? fs.readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8') : '';
    fs.writeFileSync(DEFAULT_SUPERGRAPH_PATH, supergraph);
    console.log(`${DEFAULT_SUPERGRAPH_PATH}: ${before === supergraph ? 'unchanged' : 'updated'}`);
  },
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  },
);
