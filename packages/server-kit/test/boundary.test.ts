import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { type LimitSettings, type Mode, readLimitSettings } from '@federess/config';
import { buildSchema } from 'graphql';
import { sharedApolloOptions } from '../src/apollo-options';
import { createHttpHandler } from '../src/http-handler';
import { codesOf, type GraphQLBody, graphqlRequest } from '../src/testing/graphql-client';

// What every server checks at its boundary, before a resolver (and so before any SQL) runs: the
// size of a document, the strings Postgres cannot store, introspection in production, and how many
// validation errors one answer lists.
const schema = buildSchema(`
  input Personne { nom: String! emails: [String!] }
  type Query { echo(texte: String, id: ID, personne: Personne, nombre: Int): String noeud: Noeud }
  type Noeud { nom: String! }
`);

let resolved = 0;
const rootValue = {
  echo: ({ texte, personne }: { texte?: string; personne?: { nom: string } }) => {
    resolved += 1;
    return texte ?? personne?.nom ?? '';
  },
  noeud: () => {
    resolved += 1;
    return { nom: 'n' };
  },
};

interface Served {
  readonly url: string;
  readonly server: Server;
  readonly apollo: ApolloServer;
}

async function serve(mode: Mode, limits: LimitSettings = readLimitSettings({})): Promise<Served> {
  const apollo = new ApolloServer({ schema, rootValue, ...sharedApolloOptions(mode, limits) });
  await apollo.start();
  const server = createServer(
    createHttpHandler(apollo, {
      title: 'Test',
      context: () => Promise.resolve({}),
      maxBodyBytes: limits.maxBodyBytes,
      maxTokens: limits.maxTokens,
      maxCharacters: limits.maxCharacters,
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server, apollo };
}

const post = graphqlRequest;
const codes = (answer: { body: GraphQLBody }) => codesOf(answer.body);

describe('the boundary of every server', () => {
  let dev: Served;
  let prod: Served;
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
  beforeEach(() => {
    resolved = 0;
  });

  describe('document size, before parsing', () => {
    it('counts comments as tokens: thousands of `#` lines are refused like thousands of fields', async () => {
      const refused = await post(dev.url, `${'#\n'.repeat(4000)}{ echo }`);
      expect(refused.status).toBe(400);
      expect(codes(refused)).toEqual(['TOKEN_LIMIT_EXCEEDED']);
      expect(resolved).toBe(0);
      // A few comments are what people write: they pass.
      expect((await post(dev.url, '# l’agenda\n{ echo(texte: "ok") } # fin')).body).toEqual({ data: { echo: 'ok' } });
    });

    it('bounds the characters of a document (FEDERESS_MAX_CHARACTERS): one endless comment or string is refused', async () => {
      for (const query of [`# ${'x'.repeat(150_000)}\n{ echo }`, `{ echo(texte: "${'x'.repeat(150_000)}") }`]) {
        const refused = await post(dev.url, query);
        expect(refused.status).toBe(400);
        expect(codes(refused)).toEqual(['CHARACTER_LIMIT_EXCEEDED']);
        expect(refused.body.errors?.[0]?.extensions).toMatchObject({ limit: 100_000, actual: query.length });
      }
      expect(resolved).toBe(0);
      expect((await post<{ echo: string }>(dev.url, `{ echo(texte: "${'x'.repeat(90_000)}") }`)).body.data?.echo).toEqual(
        'x'.repeat(90_000),
      );
    });
  });

  describe('strings Postgres cannot store', () => {
    it.each([
      ['a NUL in a literal', '{ echo(texte: "jean\\u0000dupont") }', {}],
      ['a NUL in an ID literal', '{ echo(id: "COMMUNE:\\u000063113") }', {}],
      ['a NUL in a nested literal', '{ echo(personne: { nom: "x", emails: ["a@b.fr", "c\\u0000@d.fr"] }) }', {}],
      ['a NUL in a variable', 'query($t: String) { echo(texte: $t) }', { t: 'jean\u0000dupont' }],
      ['a NUL deep in a variable', 'query($p: Personne) { echo(personne: $p) }', { p: { nom: 'x', emails: ['a@b.fr', 'c\u0000@d.fr'] } }],
      ['a lone surrogate in a variable', 'query($t: String) { echo(texte: $t) }', { t: 'abc\ud800' }],
      ['a NUL in a variable the operation does not declare', 'query($t: String) { echo(texte: $t) }', { t: 'ok', u: '\u0000' }],
    ])('refuses %s with BAD_USER_INPUT before any resolver', async (_what, query, variables) => {
      for (const s of [dev, prod]) {
        const refused = await post(s.url, query, variables);
        expect(refused.status).toBe(400);
        expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
        expect(refused.body.errors?.[0]?.message).toMatch(/caractère/);
      }
      expect(resolved).toBe(0);
    });

    it('lets every other character through: accents, emoji, control characters Postgres stores', async () => {
      const texte = 'Élu·e 😀 — tab\there, ligne\nsuivante';
      expect((await post(dev.url, 'query($t: String) { echo(texte: $t) }', { t: texte })).body).toEqual({ data: { echo: texte } });
    });
  });

  describe('introspection in production', () => {
    it.each(['{ __schema { types { name } } }', '{ __type(name: "Noeud") { name } }', '{ noeud { nom } __schema { queryType { name } } }'])(
      'is refused in the hub’s own words and code: %s',
      async (query) => {
        const refused = await post(prod.url, query);
        expect(refused.status).toBe(400);
        expect(codes(refused)).toEqual(['INTROSPECTION_DISABLED']);
        expect(refused.body.errors?.[0]?.message).toMatch(/introspection est désactivée/);
        expect(JSON.stringify(refused.body)).not.toMatch(/Apollo|introspection: true|ApolloServer/);
        expect(resolved).toBe(0);
      },
    );

    it('stays open in development', async () => {
      expect((await post(dev.url, '{ __type(name: "Noeud") { name } }')).body).toEqual({ data: { __type: { name: 'Noeud' } } });
    });
  });

  describe('validation errors', () => {
    it('lists at most FEDERESS_MAX_VALIDATION_ERRORS of them, then one saying validation stopped', async () => {
      const query = `{ noeud { ${Array.from({ length: 60 }, (_, i) => `inconnu${i}`).join(' ')} } }`;
      for (const s of [dev, prod]) {
        const refused = await post(s.url, query);
        expect(refused.status).toBe(400);
        expect(refused.body.errors).toHaveLength(11);
        expect(codes(refused)).toEqual(Array(11).fill('GRAPHQL_VALIDATION_FAILED'));
        expect(refused.body.errors?.[10]?.message).toMatch(/^Trop d’erreurs de validation : les 10 premières seulement/);
      }
    });

    it('the same with unknown directives, under and over the directive limit', async () => {
      const under = `{ noeud { nom ${Array.from({ length: 15 }, (_, i) => `@d${i}`).join(' ')} } }`;
      expect((await post(dev.url, under)).body.errors).toHaveLength(11);
      const over = `{ noeud { nom ${Array.from({ length: 101 }, (_, i) => `@d${i}`).join(' ')} } }`;
      const refused = await post(dev.url, over);
      expect(refused.body.errors!.length).toBeLessThanOrEqual(11);
      expect(codes(refused)).toContain('DIRECTIVE_LIMIT_EXCEEDED');
      expect(JSON.stringify(refused.body).length).toBeLessThan(3000);
    });

    it('reads its setting', async () => {
      const tight = await serve('development', readLimitSettings({ FEDERESS_MAX_VALIDATION_ERRORS: '2' }));
      try {
        const refused = await post(tight.url, '{ a b c d }');
        expect(refused.body.errors?.map((e) => e.message.slice(0, 16))).toEqual([
          'Cannot query fie',
          'Cannot query fie',
          'Trop d’erreurs d',
        ]);
      } finally {
        tight.server.close();
        await tight.apollo.stop();
      }
    });
  });
});
