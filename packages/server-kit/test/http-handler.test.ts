import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import { badInput } from '../src/errors';
import { createHttpHandler } from '../src/http-handler';
import { sharedApolloOptions } from '../src/apollo-options';
import type { GraphQLBody } from '../src/testing/graphql-client';

const schema = buildSchema('type Query { bonjour(nom: String!): String! panne: String lente: String sansConnexion: String }');
const rootValue = {
  bonjour: ({ nom }: { nom: string }) => {
    if (nom.length > 5) throw badInput('Nom trop long.');
    return `Bonjour ${nom}`;
  },
  panne: () => {
    throw new Error('connexion perdue à 10.0.0.3');
  },
  // What TypeORM throws for a statement cut by statement_timeout (a QueryFailedError wrapping pg's error).
  lente: () => {
    throw Object.assign(new Error('canceling statement due to statement timeout'), {
      driverError: { code: '57014', message: 'canceling statement due to statement timeout' },
    });
  },
  // What pg-pool throws when no connection frees up within connectionTimeoutMillis.
  sansConnexion: () => {
    throw new Error('timeout exceeded when trying to connect');
  },
};

async function serve(mode: 'development' | 'production'): Promise<{ url: string; server: Server; apollo: ApolloServer }> {
  const apollo = new ApolloServer({ schema, rootValue, ...sharedApolloOptions(mode) });
  await apollo.start();
  const server = createServer(createHttpHandler(apollo, { title: 'Test', context: () => Promise.resolve({}), maxBodyBytes: 2048 }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, apollo };
}

/** The GraphQL body of an answer (its JSON, typed as a GraphQL response). */
const bodyOf = async (response: Response) => (await response.json()) as GraphQLBody;

const post = (url: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${url}/graphql`, { method: 'POST', headers, body });

describe('the HTTP handler', () => {
  let dev: Awaited<ReturnType<typeof serve>>;
  let prod: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    dev = await serve('development');
    prod = await serve('production');
  });
  afterAll(async () => {
    for (const s of [dev, prod]) {
      s.server.close();
      await s.apollo.stop();
    }
  });

  it('executes an operation', async () => {
    const response = await post(dev.url, JSON.stringify({ query: '{ bonjour(nom: "Ana") }' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { bonjour: 'Bonjour Ana' } });
  });

  it('keeps a client error code and message', async () => {
    const body = await bodyOf(await post(dev.url, JSON.stringify({ query: '{ bonjour(nom: "Maximilien") }' })));
    expect(body.errors?.[0]).toMatchObject({ message: 'Nom trop long.', extensions: { code: 'BAD_USER_INPUT' } });
    expect(body.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
  });

  it('hides internal details in production, never a stack trace', async () => {
    const devBody = await bodyOf(await post(dev.url, JSON.stringify({ query: '{ panne }' })));
    const prodBody = await bodyOf(await post(prod.url, JSON.stringify({ query: '{ panne }' })));
    expect(devBody.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(prodBody.errors?.[0]).toMatchObject({ message: 'Erreur interne du serveur.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(prodBody)).not.toContain('10.0.0.3');
  });

  it('turns a database call cut by its timeout into TIMEOUT, in both modes', async () => {
    for (const url of [dev.url, prod.url]) {
      const body = await bodyOf(await post(url, JSON.stringify({ query: '{ lente sansConnexion }' })));
      expect(body.data).toEqual({ lente: null, sansConnexion: null });
      expect(body.errors?.map((e) => [e.path?.[0], e.extensions?.code])).toEqual([
        ['lente', 'TIMEOUT'],
        ['sansConnexion', 'TIMEOUT'],
      ]);
      expect(body.errors?.[0]?.message).toBe("La base de données n'a pas répondu à temps ; réessayez plus tard.");
      expect(JSON.stringify(body)).not.toContain('canceling');
    }
  });

  it('answers malformed JSON with 400 BAD_REQUEST', async () => {
    const response = await post(dev.url, '{"query":');
    expect(response.status).toBe(400);
    expect((await bodyOf(response)).errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('answers an oversized body with 413', async () => {
    const response = await post(dev.url, JSON.stringify({ query: `{ bonjour(nom: "${'x'.repeat(5000)}") }` }));
    expect(response.status).toBe(413);
    expect((await bodyOf(response)).errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('refuses batched requests and simple-request CSRF with 400 BAD_REQUEST', async () => {
    const batch = await post(dev.url, JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(batch.status).toBe(400);
    expect((await bodyOf(batch)).errors?.map((e) => e.extensions?.code)).toEqual(['BAD_REQUEST']);
    // A form could send this POST: without a preflight header it is refused (a GET only reads: it passes, see web.test.ts).
    const csrf = await fetch(`${dev.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"query":"{__typename}"}',
    });
    expect(csrf.status).toBe(400);
    expect((await bodyOf(csrf)).errors?.map((e) => e.extensions?.code)).toEqual(['BAD_REQUEST']);
  });

  it('refuses automatic persisted queries with PERSISTED_QUERY_NOT_SUPPORTED, with or without the text', async () => {
    const persistedQuery = { version: 1, sha256Hash: 'ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38' };
    for (const body of [{ extensions: { persistedQuery } }, { query: '{ __typename }', extensions: { persistedQuery } }]) {
      const response = await post(prod.url, JSON.stringify(body));
      expect(response.status).toBe(200);
      expect((await bodyOf(response)).errors).toEqual([
        { message: 'PersistedQueryNotSupported', extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' } },
      ]);
    }
  });

  it('refuses an unknown or missing operationName with 400 OPERATION_RESOLUTION_FAILURE', async () => {
    const query = 'query A { __typename } query B { __typename }';
    for (const body of [{ query, operationName: 'C' }, { query }]) {
      const response = await post(prod.url, JSON.stringify(body));
      expect(response.status).toBe(400);
      expect((await bodyOf(response)).errors?.map((e) => e.extensions?.code)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
    }
  });

  it('turns introspection off in production', async () => {
    const body = await bodyOf(await post(prod.url, JSON.stringify({ query: '{ __schema { types { name } } }' })));
    expect(body.errors?.[0]?.extensions?.code).toBe('INTROSPECTION_DISABLED');
  });

  it('serves the offline explorer at / and 404 elsewhere', async () => {
    const page = await fetch(`${dev.url}/`);
    expect(await page.text()).toContain('<title>Test</title>');
    const missing = await fetch(`${dev.url}/ailleurs`);
    expect(missing.status).toBe(404);
    expect((await bodyOf(missing)).errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });
});
