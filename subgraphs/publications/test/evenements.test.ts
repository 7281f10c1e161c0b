import { readSubgraphSettings } from '@federess/config';
import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import type { SubgraphServer } from '@federess/subgraph-kit';
import { clubIdOfRegion } from '@federess/vocabulaire';
import { purgeExpiredEvents } from '@federess/events';
import { createServer } from '../src/server';
import { codeOf, dataOf } from '@federess/server-kit/testing';
import { ADMIN, adherent } from '@federess/auth/testing';
import { type EvenementPublicationConnection, post } from './graph';
import { demarrerProprietaires, type Proprietaires, uneRencontreDe } from './proprietaires';

const CREER = `mutation($input: CreerPublicationInput!) { creerPublication(input: $input) { id } }`;
const MODIFIER = `mutation($id: ID!, $input: ModifierPublicationInput!) { modifierPublication(id: $id, input: $input) { id } }`;
const minimal = { titre: 'Une publication', type: 'ETUDE', datePublication: '2024-06-01', editeur: 'RTES' };

/**
 * Each change of a publication writes one event in its transaction, in id order, with the
 * publication's id, région and revision after it (what a delta sync and a feed's ETag read), naming
 * the club, région and rencontre that list it before and after the change.
 */
describe('subgraph publications: change events', () => {
  const databaseUrl = testDatabaseUrl('publications_evenements');
  let server: SubgraphServer;
  let url: string;
  let bretagne: SubgraphServer;
  let bretagneUrl: string;
  // The rencontre a publication reports on is checked with its owner: a real rencontres subgraph.
  let proprietaires: Proprietaires;
  let RENCONTRE: string;

  const eventsAfter = async (id: string) =>
    server.dataSource.query<Record<string, unknown>[]>(
      'SELECT id::text, type, entite, entite_id, region, revision, entites, listes, donnees FROM evenement WHERE id > $1 ORDER BY id',
      [id],
    );
  const head = async () =>
    (await server.dataSource.query<{ id: string }[]>('SELECT coalesce(max(id), 0)::text AS id FROM evenement'))[0]?.id ?? '0';

  beforeAll(async () => {
    proprietaires = await demarrerProprietaires();
    RENCONTRE = await uneRencontreDe(proprietaires, 'ARA');
    server = await createServer({ ...readSubgraphSettings('publications', {}), databaseUrl, subgraphUrls: proprietaires.subgraphUrls });
    url = await server.listen(0);
    bretagne = await createServer({ ...readSubgraphSettings('publications', { FEDERESS_REGION: 'BRE' }), databaseUrl });
    bretagneUrl = await bretagne.listen(0);
  });
  afterAll(async () => {
    await bretagne?.stop();
    await server?.stop();
    await proprietaires?.stop();
  });

  it('a creation, then a move to another club and région: revision 1 then 2, both sides named', async () => {
    const before = await head();
    const ara = clubIdOfRegion('ARA');
    const bre = clubIdOfRegion('BRE');
    const created = await post(url, CREER, { input: { ...minimal, clubId: ara, rencontreId: RENCONTRE } }, ADMIN);
    expect(created.errors).toBeUndefined();
    const { id } = dataOf(created).creerPublication;
    const moved = await post(url, MODIFIER, { id, input: { clubId: bre, rencontreId: null } }, ADMIN);
    expect(moved.errors).toBeUndefined();
    const [creation, move, ...rest] = await eventsAfter(before);
    expect(rest).toEqual([]);
    expect(BigInt(String(move?.id))).toBeGreaterThan(BigInt(String(creation?.id)));
    expect(creation).toMatchObject({
      type: 'CREEE',
      entite: 'Publication',
      entite_id: id,
      region: 'ARA',
      revision: 1,
      entites: [`Publication:${id}`, `Club:${ara}`, 'Region:ARA', `Rencontre:${RENCONTRE}`],
      listes: ['Query.publications', 'Query.publication'],
      donnees: { clubId: ara, rencontreId: RENCONTRE, type: 'ETUDE', collection: null, thematiques: [] },
    });
    expect(move).toMatchObject({
      type: 'MODIFIEE',
      entite_id: id,
      region: 'BRE',
      revision: 2,
      entites: [`Publication:${id}`, `Club:${ara}`, `Club:${bre}`, 'Region:ARA', 'Region:BRE', `Rencontre:${RENCONTRE}`],
      listes: ['Query.publications'],
      donnees: { clubId: bre, rencontreId: null, regionPrecedente: 'ARA' },
    });
  });

  it('a refused change (a number taken in its collection) writes no event', async () => {
    const first = await post(url, CREER, { input: { ...minimal, collection: 'Essais', numero: 1 } }, ADMIN);
    expect(first.errors).toBeUndefined();
    const before = await head();
    expect(codeOf(await post(url, CREER, { input: { ...minimal, collection: 'Essais', numero: 1 } }, ADMIN))).toBe('CONFLICT');
    expect(await eventsAfter(before)).toEqual([]);
  });

  const SYNC = `query($apres: ID, $first: Int, $filtre: EvenementsPublicationsFiltre) {
    evenementsPublications(apres: $apres, first: $first, filtre: $filtre) {
      edges { cursor node { id type revision publicationId publication { id titre revision fichier } } }
      pageInfo { hasNextPage endCursor }
      dernierEvenement { id }
    }
  }`;
  type Synced = EvenementPublicationConnection;
  const sync = async (variables: Record<string, unknown>, on = url, qui: Parameters<typeof post>[3] = null): Promise<Synced> => {
    const r = await post(on, SYNC, variables, qui);
    expect(r.errors).toBeUndefined();
    return dataOf(r).evenementsPublications;
  };
  const creer = async (input: Record<string, unknown>): Promise<string> => {
    const r = await post(url, CREER, { input: { ...minimal, ...input } }, ADMIN);
    expect(r.errors).toBeUndefined();
    return dataOf(r).creerPublication.id;
  };
  const modifier = async (id: string, input: Record<string, unknown>) =>
    expect((await post(url, MODIFIER, { id, input }, ADMIN)).errors).toBeUndefined();

  it('pages through every change once, in order, skipping the starts of the subgraph but moving the cursor past them', async () => {
    const depart = await head();
    const a = await creer({ titre: 'Synchronisée A', region: 'OCC' });
    // A second instance starting writes a REDEMARRAGE: no publication's, skipped.
    const other = await createServer({ ...readSubgraphSettings('publications', {}), databaseUrl });
    await other.stop();
    const b = await creer({ titre: 'Synchronisée B' });
    await modifier(a, { titre: 'Synchronisée A, renommée' });
    const all = (await eventsAfter(depart)).map((e) => e.id);
    expect(all).toHaveLength(4);
    for (const first of [1, 2, 10]) {
      const seen: Synced['edges'][number][] = [];
      let apres: string | null = depart;
      for (let calls = 0; ; calls++) {
        expect(calls).toBeLessThan(10);
        const page: Synced = await sync({ apres, first });
        expect(page.edges.length).toBeLessThanOrEqual(first);
        seen.push(...page.edges);
        apres = page.pageInfo.endCursor;
        if (!page.pageInfo.hasNextPage) break;
      }
      expect(seen.map((e) => [e.node.type, e.node.publicationId, e.node.revision])).toEqual([
        ['CREEE', a, 1],
        ['CREEE', b, 1],
        ['MODIFIEE', a, 2],
      ]);
      for (const edge of seen) expect(edge.cursor).toBe(edge.node.id);
      // The event shows the publication as it is now.
      expect(seen[0]?.node.publication).toMatchObject({ id: a, titre: 'Synchronisée A, renommée', revision: 2 });
      expect(apres).toBe(all.at(-1));
    }
    const caughtUp = await sync({ apres: all.at(-1), first: 5 });
    expect(caughtUp).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: all.at(-1) }, dernierEvenement: { id: all.at(-1) } });
  });

  it('filters by région, collection, type and thématique, and gives a publication that leaves the filter once more', async () => {
    const depart = await head();
    const guide = await creer({
      titre: 'Guide breton',
      type: 'GUIDE_REPERESS',
      collection: 'RepèrESS',
      region: 'BRE',
      thematiques: ['SCIC'],
    });
    const fiche = await creer({ titre: 'Fiche occitane', type: 'FICHE_KIT_REGIONALESS', region: 'OCC', thematiques: ['TOURISME'] });
    await modifier(guide, { region: 'ARA', thematiques: ['TOURISME'] });
    await modifier(guide, { titre: 'Guide auvergnat' });
    const ids = async (filtre: Record<string, unknown>, on = url) =>
      (await sync({ apres: depart, first: 50, filtre }, on)).edges.map((e) => [e.node.type, e.node.publicationId]);
    const creation = (id: string) => ['CREEE', id];
    const modification = (id: string) => ['MODIFIEE', id];
    // Its move from BRE to ARA is the last a Bretagne sync receives of it.
    expect(await ids({ regions: ['BRE'] })).toEqual([creation(guide), modification(guide)]);
    expect(await ids({ regions: ['ARA', 'OCC'] })).toEqual([creation(fiche), modification(guide), modification(guide)]);
    expect(await ids({ types: ['FICHE_KIT_REGIONALESS'] })).toEqual([creation(fiche)]);
    expect(await ids({ collections: ['RepèrESS'] })).toEqual([creation(guide), modification(guide), modification(guide)]);
    expect(await ids({ thematiques: ['SCIC'] })).toEqual([creation(guide), modification(guide)]);
    expect(await ids({ thematiques: ['TOURISME'], regions: ['OCC', 'ARA'] })).toEqual([
      creation(fiche),
      modification(guide),
      modification(guide),
    ]);
    // A regional instance gives its région's events, and the move of one that left it, showing it no more.
    const breton = await sync({ apres: depart, first: 50 }, bretagneUrl);
    expect(breton.edges.map((e) => [e.node.type, e.node.publicationId, e.node.publication?.id ?? null])).toEqual([
      ['CREEE', guide, null],
      ['MODIFIEE', guide, null],
    ]);
    expect(await ids({ regions: ['OCC'] }, bretagneUrl)).toEqual([]);
    expect(codeOf(await post(url, SYNC, { filtre: { regions: ['XYZ'] } }))).toBe('BAD_USER_INPUT');
  });

  it('shows a members-only document only to those entitled to it, as the publication itself does', async () => {
    const depart = await head();
    const fichier = 'https://documents.example.org/compte-rendu-adherents.pdf';
    const id = await creer({ titre: 'Compte-rendu réservé', type: 'COMPTE_RENDU', acces: 'ADHERENTS', fichier });
    const as = async (qui: Parameters<typeof post>[3]) => (await sync({ apres: depart }, url, qui)).edges[0]?.node.publication;
    expect(await as(null)).toMatchObject({ id, titre: 'Compte-rendu réservé', fichier: null });
    expect(await as(adherent('COMMUNE:35238'))).toMatchObject({ id, fichier });
  });

  it('refuses a cursor past the retention with EVENTS_EXPIRED, a malformed or unknown one and a page too large with BAD_USER_INPUT', async () => {
    const old = await creer({ titre: 'Trop ancienne' });
    const avant = await head();
    await modifier(old, { titre: 'Trop ancienne, renommée' });
    await server.dataSource.query(`UPDATE evenement SET survenu_a = now() - interval '40 days' WHERE id <= $1`, [avant]);
    expect(await purgeExpiredEvents(server.dataSource, 30)).toBeGreaterThan(0);
    const expired = await post(url, SYNC, { apres: '1' });
    expect(codeOf(expired)).toBe('EVENTS_EXPIRED');
    expect(expired.errors?.[0]?.message).toMatch(/rétention/);
    expect((await sync({ apres: avant })).edges.map((e) => e.node.type)).toEqual(['MODIFIEE']);
    for (const variables of [{ apres: 'pas-un-nombre' }, { apres: '999999999' }, { first: 500 }]) {
      expect(codeOf(await post(url, SYNC, variables))).toBe('BAD_USER_INPUT');
    }
  });

  it('tells the last change of the publications or of the whole subgraph, the version of what was read of them', async () => {
    const LAST = '{ dernierChangementPublications { id survenuA } }';
    const id = await creer({ titre: 'Une de plus' });
    const last = async () => dataOf(await post(url, LAST)).dernierChangementPublications?.id;
    expect(await last()).toBe(await head());
    const restart = await createServer({ ...readSubgraphSettings('publications', {}), databaseUrl });
    await restart.stop();
    // A start may bring new seed data: it is a change of the version too.
    expect(await last()).toBe(await head());
    expect(BigInt(String(await last()))).toBeGreaterThan(0n);
    expect(id).toBeTruthy();
  });
});
