import { clubIdOfRegion } from '@federess/vocabulaire';
import { INSCRIRE, codeOf, creer, dataOf, personne, startTestServer, type TestServer } from './helpers';
import { ADMIN, adherent, editeur, type TestCaller } from '@federess/auth/testing';
import { eventRencontre, subscribeAs } from './flux';
import type { Rencontre } from './graph';

/**
 * The participant directory a rencontre may share with its participants (`annuairePartage`):
 * editors of the région and admins see every registration; an adherent whose collectivité holds a
 * confirmed registration to a sharing rencontre sees every confirmed one; any other adherent its own
 * collectivité's; anonymous callers none. In queries, entity references and live-feed events alike.
 */

const LYON = 'COMMUNE:69123';
const RENNES = 'COMMUNE:35238';
const SAINT_ETIENNE = 'COMMUNE:42218';
const CLERMONT = 'COMMUNE:63113';

const ROLES: Record<string, TestCaller> = {
  anonyme: null,
  adherentInscrit: adherent(LYON),
  adherentDesinscrit: adherent(SAINT_ETIENNE),
  adherentAutreCollectivite: adherent(CLERMONT),
  editeurARA: editeur('ARA'),
  editeurBRE: editeur('BRE'),
  admin: ADMIN,
};

const email = (n: number): string => `personne${n}@example.org`;
const emails = (inscriptions: readonly { email: string }[]): string[] => inscriptions.map((i) => i.email).sort();

const INSCRIPTIONS = `query($id: ID!) { rencontre(id: $id) { annuairePartage inscriptions { email statut collectivite { id } } } }`;
const ENTITE = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Rencontre { annuairePartage inscriptions { email } } } }`;
const MODIFIER = `mutation($id: ID!, $input: ModifierRencontreInput!) { modifierRencontre(id: $id, input: $input) { id annuairePartage revision } }`;
const DESINSCRIRE = `mutation($id: ID!) { desinscrire(inscriptionId: $id) { id statut } }`;

describe('the participant directory shared with the participants (annuairePartage)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('rencontres_annuaire', { seed: false });
  });
  afterAll(async () => {
    await t?.stop();
  });

  /**
   * Registrations, by person number: 1 and 2 from Lyon (confirmed), 3 from Saint-Étienne
   * (cancelled), 4 from Rennes (confirmed), 5 from Lyon (cancelled). Clermont has none.
   */
  async function remplirInscriptions(id: string): Promise<void> {
    const inscrites: Record<number, string> = {};
    for (const [n, collectiviteId] of [
      [1, LYON],
      [2, LYON],
      [3, SAINT_ETIENNE],
      [4, RENNES],
      [5, LYON],
    ] as const) {
      inscrites[n] = dataOf(await t.gql(INSCRIRE, { id, input: personne(n, { collectiviteId }) })).inscrire.id;
    }
    for (const n of [3, 5]) expect(dataOf(await t.gql(DESINSCRIRE, { id: inscrites[n] })).desinscrire.statut).toBe('ANNULEE');
  }

  describe('mutations', () => {
    it('is false by default, and set by creerRencontre', async () => {
      const sans = await creer(t);
      const avec = await creer(t, { annuairePartage: true });
      const lire = async (id: string) =>
        dataOf(await t.gql('query($id: ID!) { rencontre(id: $id) { annuairePartage revision } }', { id })).rencontre;
      expect(await lire(sans.id)).toEqual({ annuairePartage: false, revision: 1 });
      expect(await lire(avec.id)).toEqual({ annuairePartage: true, revision: 1 });
    });

    it('modifierRencontre changes it as a descriptive change: same revision, one MODIFIEE event', async () => {
      const r = await creer(t);
      const types = async () =>
        t.server.dataSource.query<{ type: string; revision: number }[]>(
          'SELECT type, revision FROM evenement WHERE entite_id = $1 ORDER BY id',
          [r.id],
        );
      expect(dataOf(await t.gql(MODIFIER, { id: r.id, input: { annuairePartage: true } }, editeur('ARA'))).modifierRencontre).toEqual({
        id: r.id,
        annuairePartage: true,
        revision: 1,
      });
      expect(await types()).toEqual([
        { type: 'CREEE', revision: 1 },
        { type: 'MODIFIEE', revision: 1 },
      ]);
      // Unchanged: nothing written.
      dataOf(await t.gql(MODIFIER, { id: r.id, input: { annuairePartage: true } }));
      expect(await types()).toHaveLength(2);
      expect(dataOf(await t.gql(MODIFIER, { id: r.id, input: { annuairePartage: false } })).modifierRencontre).toMatchObject({
        annuairePartage: false,
        revision: 1,
      });
      expect((await types()).map((e) => e.type)).toEqual(['CREEE', 'MODIFIEE', 'MODIFIEE']);
      // It has no meaning cleared.
      expect(codeOf(await t.gql(MODIFIER, { id: r.id, input: { annuairePartage: null } }))).toBe('BAD_USER_INPUT');
      expect(await types()).toHaveLength(3);
    });

    it('only editors of the région and admins change it', async () => {
      const r = await creer(t);
      expect(codeOf(await t.gql(MODIFIER, { id: r.id, input: { annuairePartage: true } }, adherent(LYON)))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(MODIFIER, { id: r.id, input: { annuairePartage: true } }, editeur('BRE')))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(MODIFIER, { id: r.id, input: { annuairePartage: true } }, null))).toBe('UNAUTHENTICATED');
      expect(
        dataOf(await t.gql('query($id: ID!) { rencontre(id: $id) { annuairePartage } }', { id: r.id })).rencontre.annuairePartage,
      ).toBe(false);
    });
  });

  describe('who sees which registrations', () => {
    const ids: Record<'partage' | 'prive', string> = { partage: '', prive: '' };
    beforeAll(async () => {
      ids.partage = (await creer(t, { annuairePartage: true })).id;
      ids.prive = (await creer(t)).id;
      await remplirInscriptions(ids.partage);
      await remplirInscriptions(ids.prive);
    });

    const TOUTES = [1, 2, 3, 4, 5].map(email);
    const attendu: Record<'partage' | 'prive', Record<string, string[]>> = {
      partage: {
        anonyme: [],
        // The directory: every confirmed registration, its own cancelled one (5) included out.
        adherentInscrit: [1, 2, 4].map(email),
        // Its only registration was cancelled: it is not a participant, it sees its own.
        adherentDesinscrit: [email(3)],
        adherentAutreCollectivite: [],
        editeurARA: TOUTES,
        editeurBRE: [],
        admin: TOUTES,
      },
      prive: {
        anonyme: [],
        adherentInscrit: [1, 2, 5].map(email),
        adherentDesinscrit: [email(3)],
        adherentAutreCollectivite: [],
        editeurARA: TOUTES,
        editeurBRE: [],
        admin: TOUTES,
      },
    };

    for (const cas of ['partage', 'prive'] as const) {
      it.each(Object.keys(ROLES))(
        `${cas === 'partage' ? 'with' : 'without'} annuairePartage: %s, in a query and in an entity reference`,
        async (role) => {
          const caller = ROLES[role]!;
          const id = ids[cas];
          const query = dataOf(await t.gql(INSCRIPTIONS, { id }, caller)).rencontre;
          const entity = dataOf(await t.gql(ENTITE, { r: [{ __typename: 'Rencontre', id }] }, caller))._entities[0]!;
          for (const seen of [query, entity]) {
            expect(seen.annuairePartage).toBe(cas === 'partage');
            expect(emails(seen.inscriptions)).toEqual(attendu[cas][role]);
          }
        },
      );
    }

    it('shows the directory with confirmed registrations only', async () => {
      const { inscriptions } = dataOf(await t.gql(INSCRIPTIONS, { id: ids.partage }, adherent(LYON))).rencontre;
      expect(inscriptions.map((i) => i.statut)).toEqual(['CONFIRMEE', 'CONFIRMEE', 'CONFIRMEE']);
      expect(inscriptions.map((i) => i.collectivite?.id).sort()).toEqual([RENNES, LYON, LYON]);
    });

    it('answers an anonymous caller and a foreign editor without any SQL for the directory', async () => {
      for (const caller of [null, editeur('BRE')]) {
        t.counter.reset();
        dataOf(await t.gql(INSCRIPTIONS, { id: ids.partage }, caller));
        // One statement: the rencontre itself.
        expect(t.counter.count).toBe(1);
      }
    });
  });

  describe('live feed', () => {
    const LIVE = `subscription { rencontresEnDirect { id type rencontre { id annuairePartage inscriptions { email } } } }`;

    it('shows each subscriber the directory its token and the rencontre allow, once it is shared', async () => {
      const r = await creer(t);
      await remplirInscriptions(r.id);
      const abonnes = Object.fromEntries(
        await Promise.all(Object.entries(ROLES).map(async ([role, caller]) => [role, await subscribeAs(t, caller, LIVE)] as const)),
      );
      // Give the subscriptions a moment to be registered after the connection_ack.
      await new Promise((resolve) => setTimeout(resolve, 300));
      dataOf(await t.gql(MODIFIER, { id: r.id, input: { annuairePartage: true } }));
      try {
        const vu: Record<string, string[]> = {};
        for (const [role, { events }] of Object.entries(abonnes)) {
          const rencontre = await eventRencontre(events, r.id, 'MODIFIEE');
          expect(rencontre?.annuairePartage).toBe(true);
          vu[role] = emails(rencontre?.inscriptions ?? []);
        }
        const TOUTES = [1, 2, 3, 4, 5].map(email);
        expect(vu).toEqual({
          anonyme: [],
          adherentInscrit: [1, 2, 4].map(email),
          adherentDesinscrit: [email(3)],
          adherentAutreCollectivite: [],
          editeurARA: TOUTES,
          editeurBRE: [],
          admin: TOUTES,
        });
      } finally {
        for (const { client } of Object.values(abonnes)) await client.dispose();
      }
    });
  });

  describe('DataLoader batching', () => {
    const NANTES = 'COMMUNE:44109';
    const ANGERS = 'COMMUNE:49007';
    const DIRECTORY = `query($region: String!) {
      rencontres(filtre: { regions: [$region] }, first: 100) {
        edges { node { id annuairePartage inscriptions { email statut collectivite { id } } sessions { lienEnLigne } } }
      }
    }`;

    /**
     * n rencontres in a région, every other one sharing its directory, each with two confirmed
     * registrations of `collectivite` (p1, p2), one confirmed of Angers (p3), one cancelled of `collectivite` (p4).
     */
    async function remplir(region: string, n: number, collectivite: string): Promise<void> {
      const ds = t.server.dataSource;
      await ds.query(
        `INSERT INTO rencontre (id, titre, type, format, thematiques, public, debut, fin, region_code, club_id, annuaire_partage)
         SELECT gen_random_uuid(), $1 || ' n°' || g, 'RENCONTRE_CLUB', 'DISTANCIEL', '{SIEG}', '{ELUS,AGENTS}',
                now() + g * interval '1 day', now() + g * interval '1 day' + interval '3 hours', $1, $2, g % 2 = 0
         FROM generate_series(1, $3) g`,
        [region, clubIdOfRegion(region), n],
      );
      await ds.query(
        `INSERT INTO session_rencontre (id, rencontre_id, ordre, debut, fin, lien_en_ligne)
         SELECT gen_random_uuid(), r.id, 1, r.debut, r.fin, 'https://example.org/visio' FROM rencontre r WHERE r.region_code = $1`,
        [region],
      );
      await ds.query(
        `INSERT INTO inscription (id, rencontre_id, prenom, nom, email, qualite, collectivite_id, statut)
         SELECT gen_random_uuid(), r.id, 'P' || s, 'N' || s, 'p' || s || '@example.org', 'AGENT',
                CASE WHEN s = 3 THEN $3 ELSE $2 END, CASE WHEN s = 4 THEN 'ANNULEE' ELSE 'CONFIRMEE' END
         FROM rencontre r, generate_series(1, 4) s WHERE r.region_code = $1`,
        [region, collectivite, ANGERS],
      );
    }

    beforeAll(async () => {
      await remplir('PDL', 50, NANTES);
      await remplir('NAQ', 2, NANTES);
    });

    async function statements(region: string, caller: TestCaller): Promise<{ count: number; nodes: Rencontre[] }> {
      t.counter.reset();
      const nodes = dataOf(await t.gql(DIRECTORY, { region }, caller)).rencontres.edges.map((e) => e.node);
      return { count: t.counter.count, nodes };
    }

    it('resolves the directory of 50 rencontres with as many statements as of 2', async () => {
      const small = await statements('NAQ', adherent(NANTES));
      const large = await statements('PDL', adherent(NANTES));
      expect(small.nodes).toHaveLength(2);
      expect(large.nodes).toHaveLength(50);
      for (const node of [...small.nodes, ...large.nodes]) {
        expect(emails(node.inscriptions)).toEqual(
          node.annuairePartage
            ? ['p1@example.org', 'p2@example.org', 'p3@example.org']
            : ['p1@example.org', 'p2@example.org', 'p4@example.org'],
        );
      }
      expect(large.nodes.filter((node) => node.annuairePartage)).toHaveLength(25);
      expect(large.count).toBe(small.count);
      // The page, its count, the registrations and the one "is this collectivité registered" question.
      expect(large.count).toBeLessThanOrEqual(5);
    });

    it('the same for an editor of the région and for an adherent of another collectivité', async () => {
      for (const [caller, region] of [
        [editeur('PDL', 'NAQ'), 'PDL'],
        [adherent(ANGERS), 'PDL'],
      ] as const) {
        const small = await statements('NAQ', caller);
        const large = await statements(region, caller);
        expect(large.nodes).toHaveLength(50);
        expect(large.count).toBe(small.count);
      }
    });
  });
});
