import { openDataSource } from '@federess/database';
import { purgeExpiredEvents } from '@federess/events';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import type { RunningHub } from '@federess/launcher';
import { clubIdOfRegion } from '@federess/vocabulaire';
import { annulerRencontre, creerRencontre, dataAs, errorsOf, modifierRencontre } from './feeds';
import { startTestHub } from './hub';
import { adherent, ADMIN } from '@federess/auth/testing';
import { firstOf } from '@federess/server-kit/testing';
import { collect, liveClient } from './live';

const PREFIX = 'synchronisation';

const PAGE = `query($apres: ID, $first: Int, $filtre: RencontresEnDirectFiltre) {
  evenementsRencontres(apres: $apres, first: $first, filtre: $filtre) {
    edges { cursor node { id type revision rencontreId rencontre { titre club { nom } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const DERNIER = `{ evenementsRencontres { dernierEvenement { id survenuA } } }`;
const LIVE = `subscription($apres: ID, $filtre: RencontresEnDirectFiltre) {
  rencontresEnDirect(apres: $apres, filtre: $filtre) { id type revision rencontreId }
}`;
const INSCRIRE = `mutation($id: ID!) {
  inscrire(rencontreId: $id, input: { prenom: "Paul", nom: "Synchro", email: "paul.synchro@example.org", qualite: AGENT, collectiviteId: "COMMUNE:35238" }) { id }
}`;

interface Node {
  id: string;
  type: string;
  revision: number;
  rencontreId: string;
  rencontre: { titre: string; club: { nom: string } | null } | null;
}
interface Page {
  evenementsRencontres: { edges: { cursor: string; node: Node }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

describe('delta sync: evenementsRencontres', () => {
  let hub: RunningHub;
  let url: string;
  beforeAll(async () => {
    hub = await startTestHub(PREFIX);
    url = hub.gatewayUrl;
  });
  afterAll(async () => {
    await hub?.stop();
  });

  const dernier = async () =>
    (await dataAs<{ evenementsRencontres: { dernierEvenement: { id: string } | null } }>(url, DERNIER, {}, null)).evenementsRencontres
      .dernierEvenement;

  /** Every page of a delta sync (`field` of `query`) after `apres`, `first` at a time, as a nightly sync pulls them. */
  async function pullAll<N extends { id: string }, F extends string>(
    query: string,
    field: F,
    apres: string,
    first: number,
    filtre?: Record<string, unknown>,
    qui: Parameters<typeof dataAs>[3] = null,
  ): Promise<{ nodes: N[]; cursor: string | null }> {
    type Connection = { edges: { cursor: string; node: N }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    const nodes: N[] = [];
    let cursor: string | null = apres;
    for (let calls = 0; calls < 100; calls++) {
      const page: Record<F, Connection> = await dataAs<Record<F, Connection>>(url, query, { apres: cursor, first, filtre }, qui);
      const { edges, pageInfo } = page[field];
      expect(edges.length).toBeLessThanOrEqual(first);
      for (const edge of edges) expect(edge.cursor).toBe(edge.node.id);
      nodes.push(...edges.map((e) => e.node));
      cursor = pageInfo.endCursor;
      if (!pageInfo.hasNextPage) return { nodes, cursor };
    }
    throw new Error('the sync never caught up');
  }
  const pull = (apres: string, first: number, filtre?: Record<string, unknown>) =>
    pullAll<Node, 'evenementsRencontres'>(PAGE, 'evenementsRencontres', apres, first, filtre);

  /** The live feed's replay after `apres`, through the gateway's graphql-ws. */
  async function replay(apres: string, count: number, filtre?: Record<string, unknown>) {
    const client = liveClient(url);
    try {
      const live = collect(client, LIVE, { apres, filtre });
      const events = await live.waitFor(count);
      live.stop();
      return events.map((e) => ({ id: e.id, type: e.type, revision: e.revision, rencontreId: (e as unknown as Node).rencontreId }));
    } finally {
      await client.dispose();
    }
  }

  it('pages through every change once, in order, exactly as the live feed replays it, registrations and cancellations included', async () => {
    const depart = (await dernier())?.id ?? '0';
    const ara = await creerRencontre(url, { titre: 'Synchronisée en ARA', debut: '2027-02-02T08:30:00Z', fin: '2027-02-02T10:30:00Z' });
    const bre = await creerRencontre(url, {
      clubId: clubIdOfRegion('BRE'),
      titre: 'Synchronisée en Bretagne',
      lieu: { nom: 'Maison de l’ESS', communeId: 'COMMUNE:35238' },
      debut: '2027-02-03T08:30:00Z',
      fin: '2027-02-03T10:30:00Z',
    });
    await modifierRencontre(url, ara.id, { debut: '2027-02-09T08:30:00Z', fin: '2027-02-09T10:30:00Z' });
    await dataAs(url, INSCRIRE, { id: bre.id }, ADMIN);
    await modifierRencontre(url, bre.id, { titre: 'Synchronisée en Bretagne, renommée' });
    await annulerRencontre(url, ara.id, 'Annulée pour la synchronisation');

    const attendu = await replay(depart, 6);
    expect(attendu.map((e) => e.type)).toEqual(['CREEE', 'CREEE', 'REPORTEE', 'INSCRIPTION_ENREGISTREE', 'MODIFIEE', 'ANNULEE']);
    for (const first of [1, 2, 4, 50]) {
      const { nodes, cursor } = await pull(depart, first);
      expect(nodes.map(({ id, type, revision, rencontreId }) => ({ id, type, revision, rencontreId }))).toEqual(attendu);
      expect(cursor).toBe(attendu.at(-1)!.id);
    }
    // Events carry the rencontre as it is now, with fields of other subgraphs.
    const { nodes } = await pull(depart, 10);
    expect(nodes[0]?.rencontre).toEqual({
      titre: 'Synchronisée en ARA',
      club: { nom: expect.stringMatching(/Auvergne-Rhône-Alpes/) as string },
    });

    // A filter gives the live feed's filtered events, and moves the cursor past the others.
    const filtre = { regions: ['BRE'] };
    const bretagne = await replay(depart, 3, filtre);
    const filtered = await pull(depart, 1, filtre);
    expect(filtered.nodes.map((n) => n.id)).toEqual(bretagne.map((e) => e.id));
    expect(filtered.cursor).toBe(attendu.at(-1)!.id);

    // Caught up: an empty page, and dernierEvenement is where a fresh sync would start.
    const vide = await dataAs<Page>(url, PAGE, { apres: attendu.at(-1)!.id, first: 10 }, null);
    expect(vide.evenementsRencontres).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: attendu.at(-1)!.id } });
    expect((await dernier())!.id).toBe(attendu.at(-1)!.id);
  });

  it('refuses a cursor past the retention with EVENTS_EXPIRED, as the live feed does, and a malformed or unknown one with BAD_USER_INPUT', async () => {
    const ancien = await creerRencontre(url, { titre: 'Trop ancienne', debut: '2027-02-16T08:30:00Z', fin: '2027-02-16T10:30:00Z' });
    const avant = (await dernier())!.id;
    await modifierRencontre(url, ancien.id, { titre: 'Trop ancienne, renommée' });
    // The retention purge itself, on the rencontres database, after making the events 40 days old.
    const db = await openDataSource({ url: testDatabaseUrl(`${PREFIX}_rencontres`), entities: [], migrations: [] });
    try {
      await db.query(`UPDATE evenement SET survenu_a = now() - interval '40 days' WHERE id <= $1`, [avant]);
      expect(await purgeExpiredEvents(db, 30)).toBeGreaterThan(0);
    } finally {
      await db.destroy();
    }
    const expired = await errorsOf(url, PAGE, { apres: '1', first: 5 }, null);
    expect(expired.errors?.[0]?.extensions?.code).toBe('EVENTS_EXPIRED');
    expect(expired.errors?.[0]?.message).toMatch(/rétention/);
    const client = liveClient(url);
    try {
      const live = collect(client, LIVE, { apres: '1' });
      await expect(live.waitFor(1, 5000)).rejects.toBeDefined();
      expect(JSON.stringify(live.errors)).toContain('EVENTS_EXPIRED');
    } finally {
      await client.dispose();
    }
    // The events kept are still there, from the purge mark on.
    const kept = await pull(avant, 10);
    expect(kept.nodes.map((n) => n.type)).toEqual(['MODIFIEE']);
    for (const apres of ['pas-un-nombre', '999999999']) {
      expect((await errorsOf(url, PAGE, { apres, first: 5 }, null)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect((await errorsOf(url, PAGE, { first: 500 }, null)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  describe('evenementsPublications, its twin for publications', () => {
    const PUBLICATIONS = `query($apres: ID, $first: Int, $filtre: EvenementsPublicationsFiltre) {
      evenementsPublications(apres: $apres, first: $first, filtre: $filtre) {
        edges { cursor node { id type revision publicationId publication { titre revision fichier club { nom } region { nom } } } }
        pageInfo { hasNextPage endCursor }
      }
    }`;
    const DERNIERE = `{ evenementsPublications { dernierEvenement { id } } }`;
    const CREER = `mutation($input: CreerPublicationInput!) { creerPublication(input: $input) { id } }`;
    const MODIFIER = `mutation($id: ID!, $input: ModifierPublicationInput!) { modifierPublication(id: $id, input: $input) { id } }`;
    interface PublicationNode {
      id: string;
      type: string;
      revision: number;
      publicationId: string;
      publication: {
        titre: string;
        revision: number;
        fichier: string | null;
        club: { nom: string } | null;
        region: { nom: string } | null;
      } | null;
    }

    const pullPublications = (apres: string, first: number, qui: Parameters<typeof dataAs>[3] = null, filtre?: Record<string, unknown>) =>
      pullAll<PublicationNode, 'evenementsPublications'>(PUBLICATIONS, 'evenementsPublications', apres, first, filtre, qui);

    it('pages through every change of a publication once, in order, across subgraphs, skipping a bulk load but moving past it, members-only documents for members only', async () => {
      const depart =
        (await dataAs<{ evenementsPublications: { dernierEvenement: { id: string } | null } }>(url, DERNIERE, {}, null))
          .evenementsPublications.dernierEvenement?.id ?? '0';
      const fichier = 'https://documents.example.org/synchronisation-adherents.pdf';
      const creer = async (input: Record<string, unknown>) =>
        (
          await dataAs<{ creerPublication: { id: string } }>(
            url,
            CREER,
            { input: { type: 'COMPTE_RENDU', datePublication: '2026-11-30', editeur: 'RTES', ...input } },
            ADMIN,
          )
        ).creerPublication.id;
      const bretonne = await creer({ titre: 'Compte-rendu synchronisé', clubId: clubIdOfRegion('BRE'), acces: 'ADHERENTS', fichier });
      // A load behind the hub's back announces itself as a change of anything (no publication): skipped, cursor moved past it.
      const db = await openDataSource({ url: testDatabaseUrl(`${PREFIX}_publications`), entities: [], migrations: [] });
      let chargement: string;
      try {
        ({ id: chargement } = firstOf(
          await db.query<{ id: string }[]>("INSERT INTO evenement (type, listes) VALUES ('CHARGEMENT', '{*}') RETURNING id::text AS id"),
          'event',
        ));
      } finally {
        await db.destroy();
      }
      const nationale = await creer({ titre: 'Synthèse nationale synchronisée', type: 'ETUDE' });
      await dataAs(url, MODIFIER, { id: bretonne, input: { titre: 'Compte-rendu synchronisé, renommé' } }, ADMIN);

      const attendu = [
        ['CREEE', bretonne, 1],
        ['CREEE', nationale, 1],
        ['MODIFIEE', bretonne, 2],
      ];
      for (const first of [1, 2, 50]) {
        const { nodes, cursor } = await pullPublications(depart, first);
        expect(nodes.map((n) => [n.type, n.publicationId, n.revision])).toEqual(attendu);
        expect(BigInt(cursor!)).toBeGreaterThan(BigInt(chargement));
      }
      const anonyme = firstOf((await pullPublications(depart, 10)).nodes, 'event').publication;
      expect(anonyme).toEqual({
        titre: 'Compte-rendu synchronisé, renommé',
        revision: 2,
        fichier: null,
        club: { nom: expect.stringMatching(/Bretagne/) as string },
        region: { nom: 'Bretagne' },
      });
      expect(firstOf((await pullPublications(depart, 10, adherent('COMMUNE:35238'))).nodes, 'event').publication?.fichier).toBe(fichier);
      const bretagne = await pullPublications(depart, 10, null, { regions: ['BRE'] });
      expect(bretagne.nodes.map((n) => n.publicationId)).toEqual([bretonne, bretonne]);

      const malforme = await errorsOf(url, PUBLICATIONS, { apres: 'pas-un-nombre' }, null);
      expect(malforme.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
});
