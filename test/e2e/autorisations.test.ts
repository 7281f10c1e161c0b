import { expect } from '@jest/globals';
import type { RunningHub } from '@federess/launcher';
import { dataOf } from '@federess/server-kit/testing';
import { graphql, type GraphQLResponse, startTestHub } from './hub';
import { ADMIN, adherent, editeur, authHeaders, refusedTokens, type TestCaller } from '@federess/auth/testing';
import { collect, liveClient } from './live';

/**
 * Who may do what, through the gateway: each role against each mutation of every subgraph and each
 * protected field (also across subgraphs: entity references carry the caller's token), bad tokens
 * over HTTP and graphql-ws, and the fan-out by authorisation scope.
 */

const LYON = 'COMMUNE:69123';
const RENNES = 'COMMUNE:35238';
const LIEN = 'https://visio.example.org/club-ara-e2e';
const FICHIER = 'https://docs.example.org/club-ara-e2e.pdf';

const ROLES: Record<string, TestCaller> = {
  anonyme: null,
  adherentLyon: adherent(LYON),
  editeurARA: editeur('ARA'),
  editeurBRE: editeur('BRE'),
  admin: ADMIN,
};

const verdict = (body: GraphQLResponse): string => (body.errors?.length ? (body.errors[0]!.extensions?.code ?? 'SANS_CODE') : 'OK');

const CREER_RENCONTRE = `mutation($input: CreerRencontreInput!) { creerRencontre(input: $input) { id } }`;
const MODIFIER_RENCONTRE = `mutation($id: ID!) { modifierRencontre(id: $id, input: { titre: "Titre changé" }) { id } }`;
const ANNULER_RENCONTRE = `mutation($id: ID!) { annulerRencontre(id: $id, motif: "Report") { id } }`;
const INSCRIRE = `mutation($id: ID!, $input: InscriptionInput!) { inscrire(rencontreId: $id, input: $input) { id } }`;
const DESINSCRIRE = `mutation($id: ID!) { desinscrire(inscriptionId: $id) { id } }`;
const CREER_PUBLICATION = `mutation($input: CreerPublicationInput!) { creerPublication(input: $input) { id } }`;
const MODIFIER_PUBLICATION = `mutation($id: ID!) { modifierPublication(id: $id, input: { resume: "Résumé changé" }) { id } }`;
const MODIFIER_CLUB = `mutation($id: ID!) { modifierClub(id: $id, input: { description: "Description changée" }) { id } }`;
const MARQUER = `mutation { marquerAdherente(collectiviteId: "COMMUNE:01001", adherente: false) { id } }`;

describe('authorisation through the gateway', () => {
  let hub: RunningHub;
  let clubs: Record<string, string>;
  let n = 0;
  const send = async (query: string, variables: Record<string, unknown>, caller: TestCaller) =>
    (await graphql(hub.gatewayUrl, query, variables, await authHeaders(caller))).body;
  const asAdmin = async (query: string, variables: Record<string, unknown>) => dataOf(await send(query, variables, ADMIN));
  const rencontreInput = (region = 'ARA') => ({
    clubId: clubs[region],
    titre: `Rencontre d'autorisation ${(n += 1)}`,
    thematiques: ['SCIC'],
    format: 'HYBRIDE',
    debut: '2027-05-04T09:30:00+02:00',
    fin: '2027-05-04T11:30:00+02:00',
    lieu: { nom: 'Hôtel de ville' },
    lienEnLigne: LIEN,
  });
  const personne = (collectiviteId: string) => ({
    prenom: 'Camille',
    nom: `Participant ${(n += 1)}`,
    email: `participant${n}@example.org`,
    qualite: 'AGENT',
    collectiviteId,
  });
  const nouvelleRencontre = async () => (await asAdmin(CREER_RENCONTRE, { input: rencontreInput() })).creerRencontre.id;
  const publicationInput = (extra: Record<string, unknown>) => ({
    titre: `Compte-rendu ${(n += 1)}`,
    type: 'COMPTE_RENDU',
    datePublication: '2024-06-01',
    editeur: 'CRESS AURA',
    acces: 'ADHERENTS',
    fichier: FICHIER,
    ...extra,
  });

  beforeAll(async () => {
    hub = await startTestHub('autorisations');
    const { body } = await graphql(hub.gatewayUrl, '{ clubs { id region { code } } }');
    clubs = Object.fromEntries(body.data!.clubs.map((c: { id: string; region: { code: string } }) => [c.region.code, c.id]));
  });
  afterAll(async () => {
    await hub?.stop();
  });

  describe('mutations: each role', () => {
    const attendu: Record<string, Record<string, string>> = {
      creerRencontre: { anonyme: 'UNAUTHENTICATED', adherentLyon: 'FORBIDDEN', editeurARA: 'OK', editeurBRE: 'FORBIDDEN', admin: 'OK' },
      modifierRencontre: { anonyme: 'UNAUTHENTICATED', adherentLyon: 'FORBIDDEN', editeurARA: 'OK', editeurBRE: 'FORBIDDEN', admin: 'OK' },
      annulerRencontre: { anonyme: 'UNAUTHENTICATED', adherentLyon: 'FORBIDDEN', editeurARA: 'OK', editeurBRE: 'FORBIDDEN', admin: 'OK' },
      inscrire: { anonyme: 'UNAUTHENTICATED', adherentLyon: 'OK', editeurARA: 'OK', editeurBRE: 'FORBIDDEN', admin: 'OK' },
      inscrireAutreCollectivite: {
        anonyme: 'UNAUTHENTICATED',
        adherentLyon: 'FORBIDDEN',
        editeurARA: 'OK',
        editeurBRE: 'FORBIDDEN',
        admin: 'OK',
      },
      desinscrire: { anonyme: 'UNAUTHENTICATED', adherentLyon: 'OK', editeurARA: 'OK', editeurBRE: 'FORBIDDEN', admin: 'OK' },
      creerPublication: { anonyme: 'UNAUTHENTICATED', adherentLyon: 'FORBIDDEN', editeurARA: 'OK', editeurBRE: 'FORBIDDEN', admin: 'OK' },
      creerPublicationNationale: {
        anonyme: 'UNAUTHENTICATED',
        adherentLyon: 'FORBIDDEN',
        editeurARA: 'FORBIDDEN',
        editeurBRE: 'FORBIDDEN',
        admin: 'OK',
      },
      modifierPublication: {
        anonyme: 'UNAUTHENTICATED',
        adherentLyon: 'FORBIDDEN',
        editeurARA: 'OK',
        editeurBRE: 'FORBIDDEN',
        admin: 'OK',
      },
      modifierClub: { anonyme: 'UNAUTHENTICATED', adherentLyon: 'FORBIDDEN', editeurARA: 'OK', editeurBRE: 'FORBIDDEN', admin: 'OK' },
      marquerAdherente: {
        anonyme: 'UNAUTHENTICATED',
        adherentLyon: 'FORBIDDEN',
        editeurARA: 'FORBIDDEN',
        editeurBRE: 'FORBIDDEN',
        admin: 'OK',
      },
    };

    it.each(Object.keys(ROLES))('%s', async (role) => {
      const caller = ROLES[role]!;
      const got: Record<string, string> = {};
      got.creerRencontre = verdict(await send(CREER_RENCONTRE, { input: rencontreInput() }, caller));
      got.modifierRencontre = verdict(await send(MODIFIER_RENCONTRE, { id: await nouvelleRencontre() }, caller));
      got.annulerRencontre = verdict(await send(ANNULER_RENCONTRE, { id: await nouvelleRencontre() }, caller));
      const r = await nouvelleRencontre();
      got.inscrire = verdict(await send(INSCRIRE, { id: r, input: personne(LYON) }, caller));
      got.inscrireAutreCollectivite = verdict(await send(INSCRIRE, { id: r, input: personne(RENNES) }, caller));
      const inscription = (await asAdmin(INSCRIRE, { id: r, input: personne(LYON) })).inscrire.id;
      got.desinscrire = verdict(await send(DESINSCRIRE, { id: inscription }, caller));
      got.creerPublication = verdict(await send(CREER_PUBLICATION, { input: publicationInput({ clubId: clubs.ARA }) }, caller));
      got.creerPublicationNationale = verdict(await send(CREER_PUBLICATION, { input: publicationInput({}) }, caller));
      const publication = (await asAdmin(CREER_PUBLICATION, { input: publicationInput({ region: 'ARA' }) })).creerPublication.id;
      got.modifierPublication = verdict(await send(MODIFIER_PUBLICATION, { id: publication }, caller));
      got.modifierClub = verdict(await send(MODIFIER_CLUB, { id: clubs.ARA }, caller));
      got.marquerAdherente = verdict(await send(MARQUER, {}, caller));
      expect(got).toEqual(Object.fromEntries(Object.keys(attendu).map((m) => [m, attendu[m]![role]])));
    });

    it('an ARA editor cannot create, modify or cancel a BRE rencontre', async () => {
      const bre = (await asAdmin(CREER_RENCONTRE, { input: rencontreInput('BRE') })).creerRencontre.id;
      const ara = editeur('ARA');
      expect(verdict(await send(CREER_RENCONTRE, { input: rencontreInput('BRE') }, ara))).toBe('FORBIDDEN');
      expect(verdict(await send(MODIFIER_RENCONTRE, { id: bre }, ara))).toBe('FORBIDDEN');
      expect(verdict(await send(ANNULER_RENCONTRE, { id: bre }, ara))).toBe('FORBIDDEN');
      const { rencontre } = await asAdmin('query($id: ID!) { rencontre(id: $id) { statut titre } }', { id: bre });
      expect(rencontre.statut).toBe('PROGRAMMEE');
      expect(rencontre.titre).not.toBe('Titre changé');
    });
  });

  describe('fields: each role, across subgraphs', () => {
    let rencontre: string;
    let publication: string;
    beforeAll(async () => {
      rencontre = await nouvelleRencontre();
      for (const c of [LYON, LYON, RENNES]) await asAdmin(INSCRIRE, { id: rencontre, input: personne(c) });
      publication = (await asAdmin(CREER_PUBLICATION, { input: publicationInput({ clubId: clubs.ARA, rencontreId: rencontre }) }))
        .creerPublication.id;
    });

    const attendu: Record<string, { inscrits: number; collectivites: string[]; lien: string | null; fichier: string | null }> = {
      anonyme: { inscrits: 0, collectivites: [], lien: null, fichier: null },
      adherentLyon: { inscrits: 2, collectivites: [LYON], lien: LIEN, fichier: FICHIER },
      editeurARA: { inscrits: 3, collectivites: [RENNES, LYON], lien: LIEN, fichier: FICHIER },
      editeurBRE: { inscrits: 0, collectivites: [], lien: null, fichier: null },
      admin: { inscrits: 3, collectivites: [RENNES, LYON], lien: LIEN, fichier: FICHIER },
    };

    it.each(Object.keys(ROLES))('%s', async (role) => {
      const caller = ROLES[role]!;
      const direct = await send(
        `query($r: ID!, $p: ID!) {
          rencontre(id: $r) { inscriptions { email collectivite { id } } sessions { lienEnLigne } ressources { id titre fichier } }
          publication(id: $p) { titre fichier rencontre { inscriptions { email } sessions { lienEnLigne } } }
        }`,
        { r: rencontre, p: publication },
        caller,
      );
      expect(direct.errors).toBeUndefined();
      const { rencontre: r, publication: p } = direct.data!;
      const expected = attendu[role]!;
      expect({
        inscrits: r.inscriptions.length,
        collectivites: [...new Set(r.inscriptions.map((i) => i.collectivite?.id))].sort(),
        lien: r.sessions[0]?.lienEnLigne,
        fichier: r.ressources.find((x) => x.id === publication)?.fichier,
      }).toEqual(expected);
      // The same rules when the rencontre is reached from the publications subgraph (an entity reference).
      expect({
        titre: typeof p.titre,
        fichier: p.fichier,
        inscrits: p.rencontre?.inscriptions.length,
        lien: p.rencontre?.sessions[0]?.lienEnLigne,
      }).toEqual({
        titre: 'string',
        fichier: expected.fichier,
        inscrits: expected.inscrits,
        lien: expected.lien,
      });
    });
  });

  describe('tokens', () => {
    it('refuses expired, tampered, unsigned, foreign and malformed tokens with 401 UNAUTHENTICATED', async () => {
      for (const [raison, token] of Object.entries(await refusedTokens())) {
        const { status, body } = await graphql(hub.gatewayUrl, '{ regions { code } }', {}, { authorization: `Bearer ${token}` });
        expect([raison, status, body.errors?.[0]?.extensions?.code, body.data]).toEqual([raison, 401, 'UNAUTHENTICATED', undefined]);
      }
    });

    it('lets a subgraph refuse a request that claims to come from the gateway with a wrong secret', async () => {
      const wrong = await graphql(hub.subgraphUrls.clubs, '{ clubs { id } }', {}, { 'x-federess-gateway': 'faux-secret' });
      expect([wrong.status, wrong.body.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
      // Without the claim, a regional site calls the subgraph directly.
      expect((await graphql(hub.subgraphUrls.clubs, '{ clubs { id } }')).status).toBe(200);
    });
  });

  describe('live feed', () => {
    const LIVE = `subscription($filtre: RencontresEnDirectFiltre) { rencontresEnDirect(filtre: $filtre) {
      id type rencontre { id titre inscriptions { email } sessions { lienEnLigne } ressources { fichier } } } }`;
    const health = async () => (await (await fetch(hub.gatewayUrl.replace('/graphql', '/health'))).json()) as Record<string, number>;
    const until = async (upstreams: number, subscribed: number) => {
      for (let i = 0; i < 200; i++) {
        const h = await health();
        if (h.connectedUpstreamSubscriptions === upstreams && h.subscribedClients === subscribed) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`gateway not live: ${JSON.stringify(await health())}`);
    };

    it('closes the socket with 4403 on a bad token', async () => {
      const refused = await refusedTokens();
      for (const token of [refused.tampered, refused.expired, refused.unsigned]) {
        const client = liveClient(hub.gatewayUrl, { authorization: `Bearer ${token}` });
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

    it('shares an upstream between tokens of the same scope, and shows each scope what its rules allow', async () => {
      const variables = { filtre: { regions: ['ARA'] } };
      const admin1 = liveClient(hub.gatewayUrl, await authHeaders({ ...ADMIN, sub: 'admin-1' }));
      const admin2 = liveClient(hub.gatewayUrl, await authHeaders({ ...ADMIN, sub: 'admin-2' }));
      const anonyme = liveClient(hub.gatewayUrl);
      try {
        const feeds = [collect(admin1, LIVE, variables), collect(admin2, LIVE, variables), collect(anonyme, LIVE, variables)];
        // Two admins (different people, same rights) share one upstream; the anonymous client has its own.
        await until(2, 3);
        const id = await nouvelleRencontre();
        const [a1, a2, anon] = await Promise.all(feeds.map((f) => f.waitFor(1)));
        const visible = { id, inscriptions: [], sessions: [{ lienEnLigne: LIEN }], ressources: [] };
        expect(a1![0]!.rencontre).toMatchObject(visible);
        expect(a2![0]!.rencontre).toMatchObject(visible);
        expect(anon![0]!.rencontre).toMatchObject({ id, sessions: [{ lienEnLigne: null }] });
        for (const f of feeds) f.stop();
      } finally {
        for (const c of [admin1, admin2, anonyme]) await c.dispose();
      }
    });
  });
});
