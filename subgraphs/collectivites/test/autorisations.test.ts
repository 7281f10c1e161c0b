import { readSubgraphSettings } from '@federess/config';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import type { SubgraphServer } from '@federess/subgraph-kit';
import { createServer } from '../src/server';
import { ADMIN, adherent, editeur, entetes, type Qui } from './jetons';

/** RTES membership is national data: only an admin marks a collectivité adhérente (here one that is not, left as it is). */
const attendu: [string, Qui, string][] = [
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

  it.each(attendu)('marquerAdherente as %s: %s', async (_role, qui, code) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await entetes(qui)) },
      body: JSON.stringify({ query: 'mutation { marquerAdherente(collectiviteId: "COMMUNE:01001", adherente: false) { adherente } }' }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code ?? 'OK').toBe(code);
  });
});
