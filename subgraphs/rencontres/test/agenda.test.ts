import { expect } from '@jest/globals';
import { stableUuid } from '@federess/vocabulaire';
import { seed } from '../src/seed';
import { CLUB_BRE, codeOf, dataOf, startTestServer, type TestServer } from './helpers';

const LIST = `query($filtre: RencontreFiltre, $first: Int, $after: String) {
  rencontres(filtre: $filtre, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { id titre debut fin format statut thematiques type region { code } club { id } } }
  }
}`;

describe('the seeded agenda and its filters', () => {
  let t: TestServer;
  beforeAll(async () => {
    // The sample agenda gives upcoming rencontres in several régions, for the filters below.
    t = await startTestServer('rencontres_agenda', { sampleAgenda: true });
  });
  afterAll(async () => {
    await t?.stop();
  });

  const list = async (filtre: Record<string, unknown> = {}, first = 200, after?: string | null) =>
    dataOf(await t.gql(LIST, { filtre, first, after })).rencontres;

  it('seeds the documented rencontres with their real Paris times, speakers and figures', async () => {
    const id = stableUuid('rencontre:bretagne-2024-10-ans-loi-ess');
    const { rencontre } = dataOf(
      await t.gql(
        `query($id: ID!) { rencontre(id: $id) { titre debut debutLocal finLocal fuseauHoraire format type statut public organisateurs
          region { code } club { id } intervenants { nom role organisation } sessions { debutLocal lieu { nom } } } }`,
        { id },
      ),
    );
    expect(rencontre.titre).toBe("10 ans après la loi ESS, comprendre ses fondements et l'organisation en Bretagne");
    expect(rencontre.debut).toBe('2024-02-22T08:30:00.000Z');
    expect(rencontre.debutLocal).toBe('2024-02-22T09:30:00+01:00');
    expect(rencontre.finLocal).toBe('2024-02-22T11:30:00+01:00');
    expect(rencontre.fuseauHoraire).toBe('Europe/Paris');
    expect(rencontre.statut).toBe('PASSEE');
    expect(rencontre.region).toEqual({ code: 'BRE' });
    expect(rencontre.club).toEqual({ id: CLUB_BRE });
    expect(rencontre.organisateurs).toEqual(['CRESS Bretagne', 'RTES', 'CNFPT Bretagne']);
    expect(rencontre.intervenants.map((i) => i.nom)).toEqual(['Thierry Courret', 'Anne-Laure Federici', 'Grégory Huchon']);

    const octobre = dataOf(
      await t.gql('query($id: ID!) { rencontre(id: $id) { debutLocal } }', {
        id: stableUuid('rencontre:bretagne-2024-cooperations-locales'),
      }),
    );
    expect(octobre.rencontre.debutLocal).toBe('2024-10-03T09:30:00+02:00');

    const aura = dataOf(
      await t.gql(
        'query($id: ID!) { rencontre(id: $id) { debutLocal partenaires sessions { lieu { nom commune { id } } } intervenants { nom collectivite { id } } } }',
        {
          id: stableUuid('rencontre:aura-2018-journee-collectivites-ess'),
        },
      ),
    ).rencontre;
    expect(aura.debutLocal.startsWith('2018-06-25T')).toBe(true);
    expect(aura.partenaires).toEqual(['Cap Rural']);
    expect(aura.sessions[0]?.lieu).toEqual({ nom: 'Clermont-Ferrand', commune: { id: 'COMMUNE:63113' } });
    expect(aura.intervenants).toContainEqual({ nom: 'Marion Canales', collectivite: { id: 'COMMUNE:63113' } });

    const sieg = dataOf(
      await t.gql('query($id: ID!) { rencontre(id: $id) { region { code } club { id } nombreParticipants debutLocal } }', {
        id: stableUuid('rencontre:rtes-2024-webinaire-sieg'),
      }),
    ).rencontre;
    expect(sieg).toMatchObject({ region: null, club: null, nombreParticipants: 50 });
    expect(sieg.debutLocal.startsWith('2024-12-12T')).toBe(true);
  });

  it('with the sample agenda, shows rencontres of at least four régions since 2024-01-01, each with its club', async () => {
    const page = await list({ depuis: '2024-01-01T00:00:00Z' }, 50);
    const regional = page.edges.map((e) => e.node).filter((n) => n.region);
    expect(new Set(regional.map((n) => n.region?.code)).size).toBeGreaterThanOrEqual(4);
    for (const n of regional) expect(n.club?.id).toEqual(expect.any(String));
    for (const n of page.edges) expect(Date.parse(n.node.debut)).toBeGreaterThanOrEqual(Date.parse('2024-01-01T00:00:00Z'));
  });

  it('sorts by start, then id', async () => {
    const nodes = (await list()).edges.map((e) => e.node);
    const keys = nodes.map((n) => `${n.debut}|${n.id}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('filters by région (national rencontres excluded when régions are asked) and by nationales', async () => {
    const bre = await list({ regions: ['bre'] });
    expect(bre.totalCount).toBe(7); // 3 documented, 4 of the sample agenda
    expect(bre.edges.every((e) => e.node.region?.code === 'BRE')).toBe(true);
    const nationales = await list({ nationales: true });
    expect(nationales.totalCount).toBe(3);
    expect(nationales.edges.every((e) => e.node.region === null)).toBe(true);
    const deux = await list({ regions: ['BRE', 'HDF'] });
    expect(deux.totalCount).toBe(8);
  });

  it('filters by thématique (any of), format, type and clubs', async () => {
    const sieg = await list({ thematiques: ['SIEG'] });
    expect(sieg.edges.map((e) => e.node.titre)).toEqual([expect.stringMatching(/^Services d'Intérêt Economique Général/)]);
    const scicOuSieg = await list({ thematiques: ['SIEG', 'SCIC'] });
    expect(scicOuSieg.totalCount).toBe(3); // SIEG webinar, AURA day (SCIC), PlateformCoop (SCIC)
    const presentiel = await list({ formats: ['PRESENTIEL'] });
    expect(presentiel.totalCount).toBeGreaterThan(0);
    expect(presentiel.edges.every((e) => e.node.format === 'PRESENTIEL')).toBe(true);
    const journees = await list({ types: ['JOURNEE_REGIONALE'] });
    expect(journees.totalCount).toBe(1);
    const clubBre = await list({ clubs: [CLUB_BRE] });
    expect(clubBre.totalCount).toBe(7);
  });

  it('filters by the derived status: PASSEE for past ones, PROGRAMMEE for upcoming ones', async () => {
    const all = await list();
    const passees = await list({ statuts: ['PASSEE'] });
    const programmees = await list({ statuts: ['PROGRAMMEE'] });
    expect(passees.totalCount + programmees.totalCount).toBe(all.totalCount);
    expect(passees.edges.every((e) => e.node.statut === 'PASSEE' && Date.parse(e.node.debut) < Date.now())).toBe(true);
    expect(programmees.edges.every((e) => e.node.statut === 'PROGRAMMEE' && Date.parse(e.node.fin) >= Date.now())).toBe(true);
    expect(passees.totalCount).toBeGreaterThanOrEqual(8); // every documented rencontre is past; the sample agenda passes in turn
  });

  it('filters by period: depuis and jusqua bound the start, inclusive', async () => {
    const annee2024 = await list({ depuis: '2024-01-01T00:00:00Z', jusqua: '2024-12-31T23:59:59Z' });
    expect(annee2024.totalCount).toBe(5); // 3 Bretagne webinars, appels à projets, SIEG
    const exact = await list({ depuis: '2024-02-22T08:30:00Z', jusqua: '2024-02-22T08:30:00Z' });
    expect(exact.totalCount).toBe(1);
  });

  it('searches titles and summaries without accents or case', async () => {
    const found = await list({ recherche: 'interet economique GENERAL' });
    expect(found.totalCount).toBe(1);
    const percent = await list({ recherche: '%' });
    expect(percent.totalCount).toBe(0);
  });

  it('pages with first/after and keeps totalCount', async () => {
    const all = await list();
    const first = await list({}, 5);
    expect(first.totalCount).toBe(all.totalCount);
    expect(first.edges).toHaveLength(5);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await list({}, 5, first.pageInfo.endCursor);
    expect(second.edges.map((e) => e.node.id)).toEqual(all.edges.slice(5, 10).map((e) => e.node.id));
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    const none = await list({}, 0);
    expect(none).toMatchObject({ totalCount: all.totalCount, edges: [] });
  });

  it('refuses bad filters with BAD_USER_INPUT, before any SQL', async () => {
    t.counter.reset();
    expect(codeOf(await t.gql(LIST, { filtre: { regions: ['XYZ'] } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(LIST, { filtre: { depuis: '2025-01-01T00:00:00Z', jusqua: '2024-01-01T00:00:00Z' } }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await t.gql(LIST, { filtre: { clubs: ['pas-un-uuid'] } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(LIST, { filtre: { recherche: 'x'.repeat(101) } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(LIST, { filtre: { depuis: 'pas une date' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(LIST, { first: 201 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql('{ rencontre(id: "1234") { id } }'))).toBe('BAD_USER_INPUT');
    const message = (await t.gql(LIST, { filtre: { regions: ['XYZ'] } })).errors![0]!.message;
    expect(message).toMatch(/région inconnue : XYZ/);
    expect(t.counter.count).toBe(0);
  });

  it('answers null for an unknown rencontre', async () => {
    expect(dataOf(await t.gql('{ rencontre(id: "00000000-0000-4000-8000-000000000000") { id } }')).rencontre).toBeNull();
  });

  it('is idempotent: seeding again changes nothing', async () => {
    const counts = async () =>
      (
        await t.server.dataSource.query<Record<'r' | 's' | 'i' | 'n', number>[]>(
          'SELECT (SELECT count(*) FROM rencontre)::int r, (SELECT count(*) FROM session_rencontre)::int s, (SELECT count(*) FROM intervenant)::int i, (SELECT count(*) FROM inscription)::int n',
        )
      )[0]!;
    const before = await counts();
    await t.server.dataSource.query('DELETE FROM seed_state');
    await seed(t.server.dataSource, { sampleAgenda: true });
    expect(await counts()).toEqual(before);
    expect(before.r).toBe(32);
    expect(before.n).toBe(8);
  });

  it('seeds only the documented rencontres without the sample agenda (production’s default)', async () => {
    const documented = await startTestServer('rencontres_documentees', { sampleAgenda: false });
    try {
      const [counts] = await documented.server.dataSource.query<unknown[]>(
        `SELECT count(*)::int r, (SELECT count(*) FROM inscription)::int n,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM session_rencontre s WHERE s.rencontre_id = rencontre.id AND s.lien_en_ligne LIKE '%example.org%'))::int exemples
           FROM rencontre`,
      );
      expect(counts).toEqual({ r: 8, n: 0, exemples: 0 });
      const bretagne = dataOf(
        await documented.gql(LIST, { filtre: { depuis: '2024-01-01T00:00:00Z', regions: ['BRE'] }, first: 50 }),
      ).rencontres;
      expect(bretagne.totalCount).toBe(3);
    } finally {
      await documented.stop();
    }
  });

  it('on a regional instance, reads its région and the national rencontres only', async () => {
    const ara = await startTestServer('rencontres_agenda', { region: 'ARA', seed: false });
    try {
      const page = dataOf(await ara.gql(LIST, { first: 200 })).rencontres;
      const codes = new Set(page.edges.map((e) => e.node.region?.code ?? null));
      expect([...codes].sort()).toEqual(['ARA', null].sort());
      const asked = dataOf(await ara.gql(LIST, { filtre: { regions: ['BRE'] } })).rencontres;
      expect(asked.totalCount).toBe(0);
      const bre = dataOf(
        await ara.gql('query($id: ID!) { rencontre(id: $id) { id } }', { id: stableUuid('rencontre:bretagne-2024-10-ans-loi-ess') }),
      );
      expect(bre.rencontre).toBeNull();
    } finally {
      await ara.stop();
    }
  });
});
