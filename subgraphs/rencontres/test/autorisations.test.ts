import { expect } from '@jest/globals';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DEVELOPMENT_GATEWAY_SECRET } from '@federess/config';
import { CLUB_BRE, CREER, INSCRIRE, creer, dataOf, personne, rencontreInput, startTestServer, type TestServer } from './helpers';
import { ADMIN, adherent, editeur, authHeaders, refusedTokens, type TestCaller } from '@federess/auth/testing';
import type { GraphQLBody } from '@federess/server-kit/testing';
import { eventRencontre, type LiveResult, subscribeAs } from './flux';

/**
 * Who may do what, directly on the rencontres subgraph (as a regional site calls it): each role
 * against each mutation and each protected field, with the exact answer expected.
 */

const LYON = 'COMMUNE:69123';
const RENNES = 'COMMUNE:35238';
const SAINT_ETIENNE = 'COMMUNE:42218';

const ROLES: Record<string, TestCaller> = {
  anonyme: null,
  adherentLyon: adherent(LYON),
  adherentSaintEtienne: adherent(SAINT_ETIENNE),
  editeurARA: editeur('ARA'),
  editeurBRE: editeur('BRE'),
  admin: ADMIN,
};

/** 'OK', or the code of the first error. */
const verdict = (body: GraphQLBody): string => (body.errors?.length ? (body.errors[0]!.extensions?.code ?? 'SANS_CODE') : 'OK');

const MODIFIER = `mutation($id: ID!) { modifierRencontre(id: $id, input: { titre: "Nouveau titre" }) { id titre } }`;
const ANNULER = `mutation($id: ID!) { annulerRencontre(id: $id, motif: "Intempéries") { id statut } }`;
const DESINSCRIRE = `mutation($id: ID!) { desinscrire(inscriptionId: $id) { id statut } }`;
const CHAMPS = `query($id: ID!) { rencontre(id: $id) { inscriptions { email collectivite { id } } sessions { lienEnLigne } } }`;

describe('authorisation on the rencontres subgraph', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('rencontres_autorisations', { seed: false });
  });
  afterAll(async () => {
    await t?.stop();
  });

  const hybride = () => creer(t, { format: 'HYBRIDE', lienEnLigne: 'https://visio.example.org/club-ara' });

  describe('mutations: each role', () => {
    const attendu = {
      creerRencontre: {
        anonyme: 'UNAUTHENTICATED',
        adherentLyon: 'FORBIDDEN',
        adherentSaintEtienne: 'FORBIDDEN',
        editeurARA: 'OK',
        editeurBRE: 'FORBIDDEN',
        admin: 'OK',
      },
      modifierRencontre: {
        anonyme: 'UNAUTHENTICATED',
        adherentLyon: 'FORBIDDEN',
        adherentSaintEtienne: 'FORBIDDEN',
        editeurARA: 'OK',
        editeurBRE: 'FORBIDDEN',
        admin: 'OK',
      },
      annulerRencontre: {
        anonyme: 'UNAUTHENTICATED',
        adherentLyon: 'FORBIDDEN',
        adherentSaintEtienne: 'FORBIDDEN',
        editeurARA: 'OK',
        editeurBRE: 'FORBIDDEN',
        admin: 'OK',
      },
      inscrireLyon: {
        anonyme: 'UNAUTHENTICATED',
        adherentLyon: 'OK',
        adherentSaintEtienne: 'FORBIDDEN',
        editeurARA: 'OK',
        editeurBRE: 'FORBIDDEN',
        admin: 'OK',
      },
      desinscrireLyon: {
        anonyme: 'UNAUTHENTICATED',
        adherentLyon: 'OK',
        adherentSaintEtienne: 'FORBIDDEN',
        editeurARA: 'OK',
        editeurBRE: 'FORBIDDEN',
        admin: 'OK',
      },
    } as const;
    let n = 100;

    it.each(Object.keys(ROLES))('%s', async (role) => {
      const caller = ROLES[role]!;
      const got: Record<string, string> = {};
      got.creerRencontre = verdict(await t.gql(CREER, { input: rencontreInput() }, caller));
      got.modifierRencontre = verdict(await t.gql(MODIFIER, { id: (await creer(t)).id }, caller));
      got.annulerRencontre = verdict(await t.gql(ANNULER, { id: (await creer(t)).id }, caller));
      const rencontre = await creer(t);
      got.inscrireLyon = verdict(await t.gql(INSCRIRE, { id: rencontre.id, input: personne((n += 1), { collectiviteId: LYON }) }, caller));
      const inscription = dataOf(await t.gql(INSCRIRE, { id: rencontre.id, input: personne((n += 1), { collectiviteId: LYON }) })).inscrire;
      got.desinscrireLyon = verdict(await t.gql(DESINSCRIRE, { id: inscription.id }, caller));
      expect(got).toEqual(
        Object.fromEntries(Object.entries(attendu).map(([mutation, byRole]) => [mutation, byRole[role as keyof typeof byRole]])),
      );
    });

    it('refuses before writing anything', async () => {
      const before = await t.server.dataSource.query<unknown[]>(
        'SELECT (SELECT count(*) FROM rencontre)::int r, (SELECT count(*) FROM evenement)::int e',
      );
      await t.gql(CREER, { input: rencontreInput() }, null);
      await t.gql(CREER, { input: rencontreInput() }, editeur('BRE'));
      await t.gql(CREER, { input: rencontreInput() }, adherent(LYON));
      expect(
        await t.server.dataSource.query('SELECT (SELECT count(*) FROM rencontre)::int r, (SELECT count(*) FROM evenement)::int e'),
      ).toEqual(before);
    });

    it('an ARA editor cannot create, modify or cancel a BRE rencontre', async () => {
      const bre = await creer(t, { clubId: CLUB_BRE, lieu: { nom: 'Mairie', communeId: RENNES } });
      const ara = editeur('ARA');
      expect(
        verdict(await t.gql(CREER, { input: rencontreInput({ clubId: CLUB_BRE, lieu: { nom: 'Mairie', communeId: RENNES } }) }, ara)),
      ).toBe('FORBIDDEN');
      expect(verdict(await t.gql(MODIFIER, { id: bre.id }, ara))).toBe('FORBIDDEN');
      expect(verdict(await t.gql(ANNULER, { id: bre.id }, ara))).toBe('FORBIDDEN');
      expect(verdict(await t.gql(MODIFIER, { id: bre.id }, editeur('ARA', 'BRE')))).toBe('OK');
      const after = dataOf(await t.gql('query($id: ID!) { rencontre(id: $id) { titre statut } }', { id: bre.id }));
      expect(after.rencontre).toEqual({ titre: 'Nouveau titre', statut: 'PROGRAMMEE' });
    });

    it('an adherent registers its own people; the token’s collectivité is the default', async () => {
      const r = await creer(t);
      const sans = await t.gql(INSCRIRE, { id: r.id, input: personne(900, { collectiviteId: null }) }, adherent(LYON));
      expect(dataOf(sans).inscrire.collectivite).toEqual({ id: LYON });
      const autre = await t.gql(INSCRIRE, { id: r.id, input: personne(901, { collectiviteId: RENNES }) }, adherent(LYON));
      expect(autre.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/sa collectivité/) });
    });

    it('the instance scope still applies to an admin: OUT_OF_REGION', async () => {
      const aura = await startTestServer('rencontres_autorisations', { seed: false, region: 'ARA' });
      try {
        const body = await aura.gql(
          CREER,
          { input: rencontreInput({ clubId: CLUB_BRE, lieu: { nom: 'Mairie', communeId: RENNES } }) },
          ADMIN,
        );
        expect(verdict(body)).toBe('OUT_OF_REGION');
      } finally {
        await aura.stop();
      }
    });
  });

  describe('fields: each role', () => {
    let id: string;
    beforeAll(async () => {
      id = (await hybride()).id;
      for (const [n, collectiviteId] of [
        [1, LYON],
        [2, LYON],
        [3, RENNES],
      ] as const) {
        dataOf(await t.gql(INSCRIRE, { id, input: personne(n, { collectiviteId }) }));
      }
    });

    const attendu: Record<string, { inscriptions: string[]; lien: string | null }> = {
      anonyme: { inscriptions: [], lien: null },
      adherentLyon: { inscriptions: ['personne1@example.org', 'personne2@example.org'], lien: 'https://visio.example.org/club-ara' },
      adherentSaintEtienne: { inscriptions: [], lien: null },
      editeurARA: {
        inscriptions: ['personne1@example.org', 'personne2@example.org', 'personne3@example.org'],
        lien: 'https://visio.example.org/club-ara',
      },
      editeurBRE: { inscriptions: [], lien: null },
      admin: {
        inscriptions: ['personne1@example.org', 'personne2@example.org', 'personne3@example.org'],
        lien: 'https://visio.example.org/club-ara',
      },
    };

    it.each(Object.keys(ROLES))('%s, in a query and in an entity reference resolved for the gateway', async (role) => {
      const caller = ROLES[role]!;
      const query = dataOf(await t.gql(CHAMPS, { id }, caller)).rencontre;
      const entity = dataOf(
        await t.gql(
          'query($r: [_Any!]!) { _entities(representations: $r) { ... on Rencontre { inscriptions { email } sessions { lienEnLigne } } } }',
          { r: [{ __typename: 'Rencontre', id }] },
          caller,
        ),
      )._entities[0]!;
      for (const seen of [query, entity]) {
        expect({
          inscriptions: seen.inscriptions.map((i) => i.email).sort(),
          lien: seen.sessions[0]?.lienEnLigne,
        }).toEqual(attendu[role]);
      }
    });

    it('answers an anonymous reader of protected fields without any SQL for them', async () => {
      t.counter.reset();
      const before = t.counter.count;
      dataOf(await t.gql('query($id: ID!) { rencontre(id: $id) { titre inscriptions { email } } }', { id }, null));
      // One statement: the rencontre itself.
      expect(t.counter.count - before).toBe(1);
    });
  });

  describe('tokens', () => {
    it('refuses expired, tampered, unsigned, foreign and malformed tokens with 401 UNAUTHENTICATED', async () => {
      for (const [raison, token] of Object.entries(await refusedTokens())) {
        const response = await fetch(t.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ rencontres { totalCount } }' }),
        });
        const body = (await response.json()) as GraphQLBody;
        expect([raison, response.status, body.errors?.[0]?.extensions?.code]).toEqual([raison, 401, 'UNAUTHENTICATED']);
        expect(body.data).toBeUndefined();
      }
    });

    it('refuses a request that claims to come from the gateway with a wrong secret', async () => {
      const send = async (secret: string) =>
        fetch(t.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-federess-gateway': secret, ...(await authHeaders(ADMIN)) },
          body: JSON.stringify({ query: '{ rencontres { totalCount } }' }),
        });
      const wrong = await send('je-suis-la-passerelle');
      expect(wrong.status).toBe(401);
      expect(((await wrong.json()) as GraphQLBody).errors![0]).toMatchObject({
        extensions: { code: 'UNAUTHENTICATED' },
        message: expect.stringMatching(/passerelle/),
      });
      expect((await send(DEVELOPMENT_GATEWAY_SECRET)).status).toBe(200);
    });
  });

  describe('live feed', () => {
    const LIVE = `subscription { rencontresEnDirect { id type rencontre { id inscriptions { email } sessions { lienEnLigne } } } }`;
    const ws = (connectionParams: Record<string, unknown>) =>
      createClient({ url: t.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });

    it('closes the socket with 4403 on a bad token or a false gateway claim', async () => {
      const refused = await refusedTokens();
      for (const params of [
        { authorization: `Bearer ${refused.tampered}` },
        { authorization: `Bearer ${refused.expired}` },
        { 'x-federess-gateway': 'faux' },
      ]) {
        const client = ws(params);
        const code = await new Promise<number>((resolve) => {
          client.subscribe(
            { query: LIVE },
            { next: () => undefined, error: (e) => resolve((e as { code: number }).code), complete: () => resolve(0) },
          );
        });
        expect(code).toBe(4403);
        await client.dispose();
      }
    });

    it('shows each subscriber the fields its token allows', async () => {
      const r = await hybride();
      const anonyme = await subscribeAs(t, null, LIVE);
      const admin = await subscribeAs(t, ADMIN, LIVE);
      const lyon = await subscribeAs(t, adherent(LYON), LIVE);
      // Give the subscriptions a moment to be registered after the connection_ack.
      await new Promise((resolve) => setTimeout(resolve, 300));
      dataOf(await t.gql(INSCRIRE, { id: r.id, input: personne(50, { collectiviteId: LYON }) }));
      const first = (events: readonly LiveResult[]) => eventRencontre(events, r.id);
      expect(await first(anonyme.events)).toEqual({ id: r.id, inscriptions: [], sessions: [{ lienEnLigne: null }] });
      expect(await first(admin.events)).toEqual({
        id: r.id,
        inscriptions: [{ email: 'personne50@example.org' }],
        sessions: [{ lienEnLigne: 'https://visio.example.org/club-ara' }],
      });
      expect(await first(lyon.events)).toEqual({
        id: r.id,
        inscriptions: [{ email: 'personne50@example.org' }],
        sessions: [{ lienEnLigne: 'https://visio.example.org/club-ara' }],
      });
      for (const s of [anonyme, admin, lyon]) await s.client.dispose();
    });
  });
});
