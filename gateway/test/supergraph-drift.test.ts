import * as fs from 'node:fs';
import { API_SCHEMA_PATH, apiSchemaSdl } from '../src/api-schema';
import { composeFromWorkspace } from '../src/compose';
import { DEFAULT_SUPERGRAPH_PATH } from '../src/supergraph-file';

describe('supergraph.graphql', () => {
  it('is what the subgraphs compose to today (run `pnpm compose` after changing a subgraph schema)', async () => {
    const composed = await composeFromWorkspace();
    expect(fs.readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8')).toBe(composed);
  });

  it('has its API schema printed beside it, for client codegen, without the federation directives (run `pnpm compose`)', () => {
    const printed = fs.readFileSync(API_SCHEMA_PATH, 'utf8');
    expect(printed).toBe(apiSchemaSdl(fs.readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8')));
    expect(printed).not.toMatch(/join__|@link/);
    expect(printed).toMatch(/type Subscription \{\n[\s\S]*rencontresEnDirect/);
  });
});
