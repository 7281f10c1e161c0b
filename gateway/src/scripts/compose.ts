import * as fs from 'node:fs';
import { API_SCHEMA_PATH, apiSchemaSdl } from '../api-schema';
import { composeFromWorkspace } from '../compose';
import { DEFAULT_SUPERGRAPH_PATH } from '../supergraph-file';

const write = (file: string, text: string) => {
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  fs.writeFileSync(file, text);
  console.log(`${file}: ${before === text ? 'unchanged' : 'updated'}`);
};

/** `pnpm compose`: recomposes the checked-in supergraph from the subgraphs' SDL, and prints its API schema beside it. */
composeFromWorkspace().then(
  (supergraph) => {
    write(DEFAULT_SUPERGRAPH_PATH, supergraph);
    write(API_SCHEMA_PATH, apiSchemaSdl(supergraph));
  },
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  },
);
