import * as fs from 'node:fs';
import { composeFromWorkspace } from '../src/compose';
import { DEFAULT_SUPERGRAPH_PATH } from '../src/supergraph-file';

describe('supergraph.graphql', () => {
  it('is what the subgraphs compose to today (run `pnpm compose` after changing a subgraph schema)', async () => {
    const composed = await composeFromWorkspace();
    expect(fs.readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8')).toBe(composed);
  });
});
