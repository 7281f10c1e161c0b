import { expect } from '@jest/globals';
import { DEVELOPMENT_GATEWAY_SECRET, DEVELOPMENT_JWT_SECRET, readLimitSettings } from '@federess/config';
import { signToken } from '@federess/auth';
import { startTestServer, type TestServer } from './helpers';
import { codes, connect, type SocketConnection, send, answer } from './flux';
import { ADMIN, authHeaders, editeur, post } from '@federess/auth/testing';

/**
 * The subgraph's graphql-ws server has the protections of its HTTP path: introspection and
 * suggestions off in production, errors formatted alike, rate limits, and sockets closed when their
 * token expires. Each over a real graphql-ws client.
 */

const INTROSPECTION = '{ __schema { queryType { name } } }';
const SUGGESTION = 'subscription { rencontresEnDirect { idd } }';
/** Fails inside the hub while its table is hidden (see the test): an internal error, which no client input causes. */
const INTERNE = '{ rencontres(first: 1) { totalCount } }';
const LIVE = 'subscription { rencontresEnDirect { id } }';
const PASSERELLE = { 'x-federess-gateway': DEVELOPMENT_GATEWAY_SECRET };

describe('subgraph rencontres: the protections of the graphql-ws server', () => {
  const connexions: SocketConnection[] = [];
  const ouvrir = async (t: TestServer, params: Record<string, unknown> = {}) => {
    const c = await connect(t, params);
    connexions.push(c);
    return c;
  };
  afterEach(async () => {
    for (const c of connexions.splice(0)) await c.client.dispose();
  });

  describe('production and development modes', () => {
    let prod: TestServer;
    let dev: TestServer;
    beforeAll(async () => {
      prod = await startTestServer('rencontres_protections_flux', { seed: false, mode: 'production' });
      dev = await startTestServer('rencontres_protections_flux', { seed: false });
    });
    afterAll(async () => {
      await prod?.stop();
      await dev?.stop();
    });

    it('refuses introspection in production, as over HTTP, and serves it in development', async () => {
      const enProd = await answer((await ouvrir(prod)).client, INTROSPECTION);
      expect(enProd.errors![0]!.message).toMatch(/L’introspection est désactivée/);
      // The same rule, words and code as over HTTP.
      expect(codes(enProd)).toEqual(['INTROSPECTION_DISABLED']);
      const overHttp = (await post(prod.url, INTROSPECTION)).errors;
      expect(overHttp?.map((e) => [e.extensions?.code, e.message])).toEqual([['INTROSPECTION_DISABLED', enProd.errors![0]!.message]]);
      const enDev = await answer((await ouvrir(dev)).client, INTROSPECTION);
      expect(enDev.results[0]).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    });

    it('keeps `_service { sdl }` to the gateway in production, as over HTTP', async () => {
      const sdl = '{ _service { sdl } }';
      expect(codes(await answer((await ouvrir(prod, await authHeaders(ADMIN))).client, sdl))).toEqual(['FORBIDDEN']);
      expect(codes(await answer((await ouvrir(prod)).client, 'query Q { ...F } fragment F on Query { _service { sdl } }'))).toEqual([
        'FORBIDDEN',
      ]);
      expect((await answer((await ouvrir(prod, PASSERELLE)).client, sdl)).results[0]?.data?._service.sdl).toMatch(/rencontresEnDirect/);
      expect((await answer((await ouvrir(dev)).client, sdl)).results[0]?.data?._service.sdl).toMatch(/rencontresEnDirect/);
    });

    it('hides "Did you mean" in production, in validation and variable errors alike', async () => {
      const enProd = await answer((await ouvrir(prod)).client, SUGGESTION);
      expect(codes(enProd)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(enProd.errors![0]!.message).toBe('Cannot query field "idd" on type "EvenementRencontre".');
      const variables = await answer(
        (await ouvrir(prod)).client,
        'subscription($t: [TypeEvenement!]) { rencontresEnDirect(filtre: { types: $t }) { id } }',
        {
          t: ['CREE'],
        },
      );
      expect(codes(variables)).toEqual(['BAD_USER_INPUT']);
      expect(variables.errors![0]!.message).not.toMatch(/Did you mean/);
      const enDev = await answer((await ouvrir(dev)).client, SUGGESTION);
      expect(enDev.errors![0]!.message).toMatch(/Did you mean "id"\?/);
    });

    it('formats errors like HTTP: the same code, internal messages hidden in production', async () => {
      await prod.server.dataSource.query('ALTER TABLE rencontre RENAME TO rencontre_cachee');
      try {
        const enProd = await answer((await ouvrir(prod)).client, INTERNE);
        const parHttp = await post(prod.url, INTERNE);
        expect(enProd.results[0]?.errors).toEqual(parHttp.errors);
        expect(enProd.results[0]?.errors?.[0]).toMatchObject({
          message: 'Erreur interne du serveur.',
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        });
        const enDev = await answer((await ouvrir(dev)).client, INTERNE);
        expect(enDev.results[0]?.errors?.[0]).toMatchObject({
          message: expect.stringMatching(/rencontre/),
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        });
      } finally {
        await prod.server.dataSource.query('ALTER TABLE rencontre_cachee RENAME TO rencontre');
      }
      // Client errors keep their code and message; parse errors get Apollo's code.
      const apres = await answer((await ouvrir(prod)).client, 'subscription { rencontresEnDirect(apres: "abc") { id } }');
      expect(codes(apres)).toEqual(['BAD_USER_INPUT']);
      expect(codes(await answer((await ouvrir(prod)).client, 'subscription {'))).toEqual(['GRAPHQL_PARSE_FAILED']);
    });
  });

  describe('rate limits', () => {
    let t: TestServer;
    afterEach(async () => {
      await t?.stop();
    });

    it('limits each address, every operation counting, but not the gateway proven by its secret', async () => {
      t = await startTestServer('rencontres_limites_debit_flux', {
        seed: false,
        limits: readLimitSettings({
          FEDERESS_RATE_LIMIT_IP_PER_SECOND: '1',
          FEDERESS_RATE_LIMIT_IP_BURST: '3',
          FEDERESS_RATE_LIMIT_TOKEN_PER_SECOND: '0',
        }),
      });
      const client = (await ouvrir(t)).client;
      // A subscription counts as one request too.
      const live = send(client, LIVE);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect([live.results, live.errors, live.completed]).toEqual([[], undefined, false]);
      for (let i = 0; i < 2; i++) expect((await answer(client, '{ __typename }')).results[0]).toEqual({ data: { __typename: 'Query' } });
      const refusee = await answer(client, '{ __typename }');
      expect(codes(refusee)).toEqual(['RATE_LIMITED']);
      expect(refusee.errors![0]!.extensions).toMatchObject({ retryAfterSeconds: expect.any(Number) });
      // One allowance per address whatever the protocol: the socket spent it, HTTP is refused too.
      const http = await fetch(t.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(http.status).toBe(429);
      // The gateway calls from the same address, for many clients: not limited here.
      const passerelle = (await ouvrir(t, PASSERELLE)).client;
      for (let i = 0; i < 10; i++) expect(codes(await answer(passerelle, '{ __typename }'))).toEqual([]);
    });

    it('limits each token, whatever the address', async () => {
      t = await startTestServer('rencontres_limites_debit_flux', {
        seed: false,
        limits: readLimitSettings({
          FEDERESS_RATE_LIMIT_IP_PER_SECOND: '0',
          FEDERESS_RATE_LIMIT_TOKEN_PER_SECOND: '1',
          FEDERESS_RATE_LIMIT_TOKEN_BURST: '2',
        }),
      });
      const admin = (await ouvrir(t, await authHeaders(ADMIN))).client;
      for (let i = 0; i < 2; i++) expect(codes(await answer(admin, '{ __typename }'))).toEqual([]);
      expect(codes(await answer(admin, '{ __typename }'))).toEqual(['RATE_LIMITED']);
      // The same token on another socket shares the bucket; another token, or none, has its own.
      expect(codes(await answer((await ouvrir(t, await authHeaders(ADMIN))).client, '{ __typename }'))).toEqual(['RATE_LIMITED']);
      expect(codes(await answer((await ouvrir(t, await authHeaders(editeur('ARA')))).client, '{ __typename }'))).toEqual([]);
      const anonyme = (await ouvrir(t)).client;
      for (let i = 0; i < 5; i++) expect(codes(await answer(anonyme, '{ __typename }'))).toEqual([]);
    });
  });

  describe('token expiry', () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer('rencontres_expiration_flux', { seed: false });
    });
    afterAll(async () => {
      await t?.stop();
    });

    it('closes a socket with 4403 when its token expires, and the gateway’s so that it reconnects with a fresher one', async () => {
      const bref = `Bearer ${await signToken(DEVELOPMENT_JWT_SECRET, { ...ADMIN, ttlSeconds: 2 })}`;
      const client = await ouvrir(t, { authorization: bref });
      const passerelle = await ouvrir(t, { authorization: bref, ...PASSERELLE });
      const anonyme = await ouvrir(t);
      const durable = await ouvrir(t, await authHeaders(ADMIN));
      const debut = Date.now();
      expect(codes(await answer(client.client, '{ __typename }'))).toEqual([]);
      expect(await client.closed).toBe(4403);
      expect(Date.now() - debut).toBeLessThan(4000);
      expect(await passerelle.closed).toBe(1013);
      // The other sockets stay open and keep answering.
      for (const c of [anonyme, durable])
        expect((await answer(c.client, '{ __typename }')).results[0]).toEqual({ data: { __typename: 'Query' } });
      // An expired token is refused at connection too (the verifier's clock tolerance aside).
      await expect(connect(t, { authorization: bref })).rejects.toThrow(/4403/);
    });
  });
});
