import { readSubgraphSettings } from '@federess/config';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import type { SubgraphServer } from '@federess/subgraph-kit';
import { createServer } from '../src/server';
import { ADMIN, adherent, editeur, post, type TestCaller } from '@federess/auth/testing';

/** RTES membership is national data: only an admin marks a collectivité adhérente (here one that is not, left as it is). */
const attendu: [string, TestCaller, string][] = [
  ['anonyme', null, 'UNAUTHENTICATED'],
  ['adherent', adherent('COMMUNE:42218'), 'FORBIDDEN'],
  ['editeurARA', editeur('ARA'), 'FORBIDDEN'],
  ['editeurBRE', editeur('BRE'), 'FORBIDDEN'],
  ['admin', ADMIN, 'OK'],
];

describe('authorisation on the collectivites subgraph', () => {
  let server: SubgraphServer;
  let url: string;
  beforeAll(async () => {
    server = await createServer({ ...readSubgraphSettings('collectivites', {}), databaseUrl: testDatabaseUrl('collectivites_test') });
    url = await server.listen(0);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.each(attendu)('marquerAdherente as %s: %s', async (_role, caller, code) => {
    const body = await post(
      url,
      'mutation { marquerAdherente(collectiviteId: "COMMUNE:01001", adherente: false) { adherente } }',
      {},
      caller,
    );
    expect(body.errors?.[0]?.extensions?.code ?? 'OK').toBe(code);
  });
});
