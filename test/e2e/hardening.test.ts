import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Role, signToken, type TokenRequest } from '@federess/auth';
import { freePort } from '@federess/database';
import { entryOf, type ServiceProcess, waitHealthy } from '@federess/launcher';
import { codesOf } from '@federess/server-kit/testing';
import type { Client } from 'graphql-ws';
import { badCases, SUITE_EMAILS } from './bad-input';
import { graphql, startTestHub, type TestHub } from './hub';
import { collect, liveClient } from './live';
import { openRencontres } from './open-rencontres';

/**
 * What an attack on a production hub found, each finding held by the whole stack: references to
 * other subgraphs' entities checked at write time, strings Postgres cannot store refused at the
 * boundary with nothing personal in any log, `_entities` of a type a subgraph does not own, the
 * validation errors of one answer capped, and subscriptions through a supergraph whose subgraph is
 * not one of the four.
 */

const JWT_SECRET = 'secret-des-tests-de-durcissement-federess-0123456789';
const GATEWAY_SECRET = 'secret-passerelle-des-tests-de-durcissement-0123456789';

const token = (request: TokenRequest) => signToken(JWT_SECRET, request);
const as = async (request: TokenRequest) => ({ authorization: `Bearer ${await token(request)}` });

describe('a production hub under attack', () => {
  let hub: TestHub;
  const extraGateways: ServiceProcess[] = [];
  const clients: Client[] = [];
  let admin: Record<string, string>;
  /** An upcoming rencontre of each région of the sample agenda, by région. */
  const rencontres: Record<string, string> = {};

  beforeAll(async () => {
    hub = await startTestHub('durcissement', {
      FEDERESS_MODE: 'production',
      FEDERESS_JWT_SECRET: JWT_SECRET,
      FEDERESS_GATEWAY_SECRET: GATEWAY_SECRET,
      // Hundreds of requests come from this one address.
      FEDERESS_RATE_LIMIT_IP_PER_SECOND: '100000',
      FEDERESS_RATE_LIMIT_IP_BURST: '100000',
      FEDERESS_RATE_LIMIT_TOKEN_PER_SECOND: '100000',
      FEDERESS_RATE_LIMIT_TOKEN_BURST: '100000',
    });
    admin = await as({ role: Role.ADMIN, sub: 'test-durcissement' });
    // One per région still open to registration: the suite's registrations must get as far as a valid one would.
    for (const { id, region } of await openRencontres(hub.gatewayUrl)) rencontres[region] ??= id;
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    for (const gateway of extraGateways) await gateway.stop();
    await hub?.stop();
  });

  describe('references to other subgraphs, checked at write time', () => {
    const CREER = 'mutation($input: CreerPublicationInput!) { creerPublication(input: $input) { id } }';
    const publication = (rencontreId: string) => ({
      titre: 'Replay officiel',
      type: 'REPLAY',
      datePublication: '2026-06-01',
      editeur: 'CRESS',
      lien: 'https://example.org/replay',
      region: 'ARA',
      rencontreId,
    });

    it("refuses an ARA editor's publication on a NAQ rencontre, and on one that does not exist, through the gateway", async () => {
      const editor = await as({ role: Role.EDITEUR, regions: ['ARA'], sub: 'editeur-ara' });
      for (const rencontreId of [rencontres.NAQ!, '00000000-0000-4000-8000-000000000000']) {
        const { body } = await graphql(hub.gatewayUrl, CREER, { input: publication(rencontreId) }, editor);
        expect(body.errors?.map((e) => [e.extensions?.code, e.extensions?.champ])).toEqual([['BAD_USER_INPUT', 'rencontreId']]);
      }
      const { body: ressources } = await graphql<{ rencontre: { ressources: unknown[] } }>(
        hub.gatewayUrl,
        'query($id: ID!) { rencontre(id: $id) { ressources { titre } } }',
        { id: rencontres.NAQ! },
      );
      expect(ressources.data?.rencontre.ressources).not.toContainEqual({ titre: 'Replay officiel' });
      expect((await graphql(hub.gatewayUrl, CREER, { input: publication(rencontres.ARA!) }, editor)).body.errors).toBeUndefined();
    });

    it('refuses a registration of an unknown collectivité and a session in an unknown commune', async () => {
      const inscrire = await graphql(
        hub.gatewayUrl,
        'mutation($id: ID!, $input: InscriptionInput!) { inscrire(rencontreId: $id, input: $input) { id } }',
        { id: rencontres.ARA, input: { prenom: 'A', nom: 'B', email: 'a.b@example.org', qualite: 'ELU', collectiviteId: 'COMMUNE:00000' } },
        admin,
      );
      expect(inscrire.body.errors?.map((e) => [e.extensions?.code, e.extensions?.champ])).toEqual([['BAD_USER_INPUT', 'collectiviteId']]);
      const modifier = await graphql(
        hub.gatewayUrl,
        'mutation($id: ID!, $input: ModifierRencontreInput!) { modifierRencontre(id: $id, input: $input) { id } }',
        { id: rencontres.ARA, input: { lieu: { nom: 'Salle', communeId: 'COMMUNE:99999' } } },
        admin,
      );
      expect(modifier.body.errors?.map((e) => [e.extensions?.code, e.extensions?.champ])).toEqual([['BAD_USER_INPUT', 'lieu.communeId']]);
    });
  });

  it('answers the bad-input suite, NUL characters included, with well-formed errors, and logs none of its e-mails', async () => {
    const cases = badCases(rencontres.ARA);
    const tally: Record<string, string[]> = {};
    for (const c of cases) {
      const { status, body } = await graphql(hub.gatewayUrl, c.query, c.variables, c.asAdmin ? admin : {});
      expect({ query: c.query.slice(0, 100), status: status < 500 }).toEqual({ query: c.query.slice(0, 100), status: true });
      if (c.kind === 'caractère nul') (tally[c.kind] ??= []).push(String(codesOf(body)));
    }
    await new Promise((resolve) => setTimeout(resolve, 500)); // the processes' last lines
    const logged = hub.logs.since();
    for (const email of SUITE_EMAILS) expect(logged).not.toContain(email);
    expect(logged).not.toMatch(/PARAMETERS|invalid byte sequence/);
    // Every NUL is refused as the client's mistake, never as an internal error.
    expect(new Set(tally['caractère nul'])).toEqual(new Set(['BAD_USER_INPUT']));
    // The same strings sent to the subgraphs themselves.
    for (const name of ['rencontres', 'publications', 'collectivites'] as const) {
      const query = {
        rencontres: 'rencontres(filtre: { recherche: $q })',
        publications: 'publications(filtre: { recherche: $q })',
        collectivites: 'collectivites(recherche: $q)',
      }[name];
      const { body } = await graphql(hub.subgraphUrls[name], `query($q: String) { ${query} { totalCount } }`, { q: 'a\u0000b' });
      expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
    }
  });

  it.each(['clubs', 'collectivites'] as const)(
    'refuses _entities of a type %s does not own with BAD_USER_INPUT, to anyone, without a stack in its log',
    async (name) => {
      const before = hub.logs.count;
      const { status, body } = await graphql(
        hub.subgraphUrls[name],
        '{ _entities(representations: [{ __typename: "Rencontre", id: "00000000-0000-4000-8000-000000000000" }]) { __typename } }',
      );
      expect(status).toBe(200);
      expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(hub.logs.since(before)).not.toMatch(/\bat \/|_entities resolver/);
    },
  );

  it('lists at most ten validation errors, then one saying validation stopped, on the gateway and on a subgraph', async () => {
    const query = `{ regions { code ${Array.from({ length: 50 }, (_, i) => `inconnu${i}`).join(' ')} } }`;
    for (const url of [hub.gatewayUrl, hub.subgraphUrls.collectivites]) {
      const { status, body } = await graphql(url, query);
      expect(status).toBe(400);
      expect(body.errors).toHaveLength(11);
      expect(body.errors?.[10]?.message).toMatch(/Trop d’erreurs de validation/);
    }
  });

  it('counts comments: a document of `#` lines costs what its lines do', async () => {
    for (const url of [hub.gatewayUrl, hub.subgraphUrls.clubs]) {
      const { status, body } = await graphql(
        url,
        `
          ${'#\n'.repeat(5000)}
          {
            __typename
          }
        `,
      );
      expect(status).toBe(400);
      expect(codesOf(body)).toEqual(['TOKEN_LIMIT_EXCEEDED']);
    }
  });

  it('subscribes through a supergraph whose subgraph is not one of the four, at its supergraph URL', async () => {
    const supergraph = fs
      .readFileSync(path.join(path.dirname(entryOf('@federess/gateway')), '..', 'supergraph.graphql'), 'utf8')
      .replace(
        /RENCONTRES @join__graph\(name: "rencontres", url: "[^"]*"\)/,
        `AGENDA @join__graph(name: "agenda", url: "${hub.subgraphUrls.rencontres}")`,
      )
      .replace(/\bRENCONTRES\b/g, 'AGENDA');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'federess-supergraph-')), 'supergraph.graphql');
    fs.writeFileSync(file, supergraph);
    const port = await freePort();
    const gateway = hub.startService('gateway-agenda', entryOf('@federess/gateway'), {
      ...hub.env,
      GATEWAY_PORT: String(port),
      FEDERESS_SUPERGRAPH: file,
    });
    extraGateways.push(gateway);
    await waitHealthy(gateway, `http://127.0.0.1:${port}/health`, 60_000);
    const url = `http://127.0.0.1:${port}/graphql`;
    const client = liveClient(url, admin);
    clients.push(client);
    const feed = collect(
      client,
      'subscription { rencontresEnDirect(filtre: { regions: ["ARA"] }) { type rencontre { titre club { nom } } } }',
    );
    // The upstream is open once the gateway's /health says so; then a change makes an event.
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const health = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { connectedUpstreamSubscriptions: number };
      if (health.connectedUpstreamSubscriptions === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const { body } = await graphql(
      url,
      'mutation($id: ID!) { modifierRencontre(id: $id, input: { titre: "Par le sous-graphe agenda" }) { id } }',
      { id: rencontres.ARA },
      admin,
    );
    expect(body.errors).toBeUndefined();
    const [event] = await feed.waitFor(1);
    expect(event).toMatchObject({ type: 'MODIFIEE', rencontre: { titre: 'Par le sous-graphe agenda' } });
    // The club comes from the clubs subgraph: the rest of the plan ran for the event.
    expect(JSON.stringify(event?.rencontre)).toContain('Auvergne');
  });

  // Last: it stops the rencontres subgraph.
  it('refuses a write it cannot check when the owner is down: SUBGRAPH_UNAVAILABLE, nothing written', async () => {
    await hub.services.rencontres.stop();
    const { body } = await graphql(
      hub.subgraphUrls.publications,
      'mutation($input: CreerPublicationInput!) { creerPublication(input: $input) { id } }',
      {
        input: {
          titre: 'Sans vérification',
          type: 'REPLAY',
          datePublication: '2026-06-01',
          editeur: 'CRESS',
          region: 'ARA',
          rencontreId: rencontres.ARA,
        },
      },
      admin,
    );
    expect(body.errors?.map((e) => [e.extensions?.code, e.extensions?.serviceName])).toEqual([['SUBGRAPH_UNAVAILABLE', 'rencontres']]);
    const { body: after } = await graphql<{ publications: { edges: { node: { titre: string } }[] } }>(
      hub.subgraphUrls.publications,
      '{ publications(first: 200) { edges { node { titre } } } }',
    );
    expect(after.data?.publications.edges.map((e) => e.node.titre)).not.toContain('Sans vérification');
  });
});
