import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import type { Mode } from '@federess/config';
import { captureLogs } from '@federess/observability';
import { buildSchema } from 'graphql';
import { sharedApolloOptions } from '../src/apollo-options';
import { createHttpHandler } from '../src/http-handler';

const EMAIL = 'jeanne.fuite@example.org';

/** What TypeORM throws when a statement fails: a QueryFailedError carrying the SQL, its parameters and pg's error. */
function queryFailed(): Error {
  const error = new Error(`invalid input syntax for type uuid: "${EMAIL}"`);
  error.name = 'QueryFailedError';
  return Object.assign(error, {
    query: 'INSERT INTO "inscription"("id", "prenom", "nom", "email") VALUES ($1, $2, $3, $4)',
    parameters: ['6f1c…', 'Jeanne', 'Fuite', EMAIL],
    driverError: {
      code: '22021',
      detail: `Key (email)=(${EMAIL}) already exists.`,
      table: 'inscription',
      message: `invalid byte sequence near ${EMAIL}`,
    },
  });
}

const schema = buildSchema('type Query { inscrire: String }');
const rootValue = {
  inscrire: () => {
    throw queryFailed();
  },
};

async function serve(mode: Mode): Promise<{ url: string; server: Server; apollo: ApolloServer }> {
  const apollo = new ApolloServer({ schema, rootValue, ...sharedApolloOptions(mode) });
  await apollo.start();
  const server = createServer(createHttpHandler(apollo, { title: 'Test', context: () => Promise.resolve({}) }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server, apollo };
}

/** Everything the server logs while `run` runs, messages and fields, as one text. */
async function logsOf(run: () => Promise<unknown>): Promise<string> {
  return (await captureLogs(run)).text;
}

describe('the log of an internal error', () => {
  it.each(['production', 'development'] as const)(
    'in %s, says which statement failed and why, never what the client sent',
    async (mode) => {
      const s = await serve(mode);
      try {
        const logs = await logsOf(async () => {
          const response = await fetch(s.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{"query":"{ inscrire }"}',
          });
          expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(
            'INTERNAL_SERVER_ERROR',
          );
        });
        expect(logs).toContain('QueryFailedError (SQLSTATE 22021, table inscription)');
        expect(logs).toContain('INSERT INTO "inscription"');
        expect(logs).not.toContain('Jeanne');
        expect(logs).not.toContain('already exists');
        if (mode === 'production') expect(logs).not.toContain(EMAIL);
        expect(logs.split('\n').length).toBeLessThan(15);
      } finally {
        s.server.close();
        await s.apollo.stop();
      }
    },
  );
});
