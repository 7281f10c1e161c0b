import { readSubgraphSettings } from '@federess/config';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import type { SubgraphServer } from '@federess/subgraph-kit';
import { clubIdOfRegion } from '@federess/vocabulaire';
import { createServer } from '../src/server';
import { type GraphQLBody, dataOf } from '@federess/server-kit/testing';
import { ADMIN, adherent, editeur, type TestCaller } from '@federess/auth/testing';
import { post } from './graph';
import { demarrerProprietaires, type Proprietaires, uneRencontreDe } from './proprietaires';

/**
 * Who may do what, directly on the publications subgraph: each role against each mutation, and
 * the members-only rule on `fichier` and `lien` in a query and in entity references.
 */

const ROLES: Record<string, TestCaller> = {
  anonyme: null,
  adherent: adherent('COMMUNE:69123'),
  editeurARA: editeur('ARA'),
  editeurBRE: editeur('BRE'),
  admin: ADMIN,
};
const verdict = (r: GraphQLBody): string => (r.errors?.length ? (r.errors[0]!.extensions?.code ?? 'SANS_CODE') : 'OK');

const CREER = `mutation($input: CreerPublicationInput!) { creerPublication(input: $input) { id } }`;
const MODIFIER = `mutation($id: ID!, $input: ModifierPublicationInput!) { modifierPublication(id: $id, input: $input) { id } }`;
const base = {
  type: 'COMPTE_RENDU',
  datePublication: '2024-06-01',
  editeur: 'CRESS AURA',
  fichier: 'https://docs.example.org/cr.pdf',
  lien: 'https://docs.example.org/cr',
};

describe('authorisation on the publications subgraph', () => {
  let server: SubgraphServer;
  let url: string;
  let n = 0;
  const titre = () => `Publication d'autorisation ${(n += 1)}`;
  const creer = async (input: Record<string, unknown>) => {
    const r = await post(url, CREER, { input: { ...base, titre: titre(), ...input } }, ADMIN);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return dataOf(r).creerPublication.id;
  };

  let proprietaires: Proprietaires;
  beforeAll(async () => {
    proprietaires = await demarrerProprietaires();
    server = await createServer({
      ...readSubgraphSettings('publications', {}),
      databaseUrl: testDatabaseUrl('publications_autorisations'),
      seed: false,
      subgraphUrls: proprietaires.subgraphUrls,
    });
    url = await server.listen(0);
  });
  afterAll(async () => {
    await server?.stop();
    await proprietaires?.stop();
  });

  describe('mutations: each role', () => {
    const attendu = {
      creerARA: { anonyme: 'UNAUTHENTICATED', adherent: 'FORBIDDEN', editeurARA: 'OK', editeurBRE: 'FORBIDDEN', admin: 'OK' },
      creerNationale: { anonyme: 'UNAUTHENTICATED', adherent: 'FORBIDDEN', editeurARA: 'FORBIDDEN', editeurBRE: 'FORBIDDEN', admin: 'OK' },
      modifierARA: { anonyme: 'UNAUTHENTICATED', adherent: 'FORBIDDEN', editeurARA: 'OK', editeurBRE: 'FORBIDDEN', admin: 'OK' },
      modifierNationale: {
        anonyme: 'UNAUTHENTICATED',
        adherent: 'FORBIDDEN',
        editeurARA: 'FORBIDDEN',
        editeurBRE: 'FORBIDDEN',
        admin: 'OK',
      },
      deplacerARAversBRE: {
        anonyme: 'UNAUTHENTICATED',
        adherent: 'FORBIDDEN',
        editeurARA: 'FORBIDDEN',
        editeurBRE: 'FORBIDDEN',
        admin: 'OK',
      },
    } as const;

    it.each(Object.keys(ROLES))('%s', async (role) => {
      const caller = ROLES[role]!;
      const got = {
        creerARA: verdict(await post(url, CREER, { input: { ...base, titre: titre(), clubId: clubIdOfRegion('ARA') } }, caller)),
        creerNationale: verdict(await post(url, CREER, { input: { ...base, titre: titre() } }, caller)),
        modifierARA: verdict(await post(url, MODIFIER, { id: await creer({ region: 'ARA' }), input: { titre: titre() } }, caller)),
        modifierNationale: verdict(await post(url, MODIFIER, { id: await creer({}), input: { titre: titre() } }, caller)),
        deplacerARAversBRE: verdict(await post(url, MODIFIER, { id: await creer({ region: 'ARA' }), input: { region: 'BRE' } }, caller)),
      };
      expect(got).toEqual(Object.fromEntries(Object.entries(attendu).map(([m, byRole]) => [m, byRole[role as keyof typeof byRole]])));
    });
  });

  describe('members-only documents: each role', () => {
    let rencontreId: string;
    let ids: Record<'reserveeARA' | 'reserveeNationale' | 'publique', string>;
    beforeAll(async () => {
      // A rencontre of ARA: its ressources may be ARA's publications and national ones.
      rencontreId = await uneRencontreDe(proprietaires, 'ARA');
      ids = {
        reserveeARA: await creer({ region: 'ARA', acces: 'ADHERENTS', rencontreId }),
        reserveeNationale: await creer({ acces: 'ADHERENTS', rencontreId }),
        publique: await creer({ region: 'ARA', acces: 'PUBLIC', rencontreId }),
      };
    });

    const visible = { fichier: base.fichier, lien: base.lien };
    const cache = { fichier: null, lien: null };
    const attendu: Record<string, Record<string, object>> = {
      anonyme: { reserveeARA: cache, reserveeNationale: cache, publique: visible },
      adherent: { reserveeARA: visible, reserveeNationale: visible, publique: visible },
      editeurARA: { reserveeARA: visible, reserveeNationale: cache, publique: visible },
      editeurBRE: { reserveeARA: cache, reserveeNationale: cache, publique: visible },
      admin: { reserveeARA: visible, reserveeNationale: visible, publique: visible },
    };

    it.each(Object.keys(ROLES))('%s: in a query, through Rencontre.ressources and through a Publication reference', async (role) => {
      const caller = ROLES[role]!;
      const byId = async (id: string) =>
        dataOf(await post(url, 'query($id: ID!) { publication(id: $id) { titre fichier lien } }', { id }, caller)).publication;
      const ressources = dataOf(
        await post(
          url,
          'query($r: [_Any!]!) { _entities(representations: $r) { ... on Rencontre { ressources { id titre fichier lien } } } }',
          { r: [{ __typename: 'Rencontre', id: rencontreId }] },
          caller,
        ),
      )._entities[0]?.ressources;
      const references = dataOf(
        await post(
          url,
          'query($r: [_Any!]!) { _entities(representations: $r) { ... on Publication { id fichier lien } } }',
          {
            r: Object.values(ids).map((id) => ({ __typename: 'Publication', id })),
          },
          caller,
        ),
      )._entities;
      for (const [name, id] of Object.entries(ids)) {
        const query = await byId(id);
        // Metadata stays visible to everyone.
        expect(query.titre).toMatch(/autorisation/);
        const fromRessources = ressources?.find((p) => p.id === id);
        const fromReference = references.find((p) => p.id === id);
        for (const seen of [query, fromRessources, fromReference]) {
          expect([name, { fichier: seen?.fichier, lien: seen?.lien }]).toEqual([name, attendu[role]![name]]);
        }
      }
    });
  });
});
