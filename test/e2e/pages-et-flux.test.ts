import type { RunningHub } from '@federess/launcher';
import { Google } from 'structured-data-testing-tool/presets';
import { clubIdOfRegion } from '@federess/vocabulaire';
import { annulerRencontre, cacheApplied, cacheHealth, creerRencontre, dataAs, get, modifierRencontre } from './feeds';
import { startTestHub } from './hub';
import { ADMIN } from '@federess/auth/testing';
import { firstOf } from '@federess/server-kit/testing';
import { htmlFindings, jsonLdOf, parseJsonFeed, parseXmlFeed, sitemapErrors, structuredData, type StructuredDataTest } from './syndication';

const HTML = { accept: 'text/html' };
const CREER_PUBLICATION = `mutation($input: CreerPublicationInput!) { creerPublication(input: $input) { id } }`;
const MODIFIER_PUBLICATION = `mutation($id: ID!, $input: ModifierPublicationInput!) { modifierPublication(id: $id, input: $input) { id } }`;
const FICHIER = `query($id: ID!) { publication(id: $id) { fichier } }`;
const RENOMMER_CLUB = `mutation($id: ID!, $nom: String!) { modifierClub(id: $id, input: { nom: $nom }) { nom } }`;

/**
 * What Google's Event rich result requires (name, startDate, location; a Place needs its
 * PostalAddress, a VirtualLocation its url) and what it asks for each status (eventStatus,
 * eventAttendanceMode; previousStartDate for a rescheduled event), as structured-data-testing-tool tests.
 */
function googleEvent(status: string, mode: string, place: boolean, virtual: boolean): StructuredDataTest[] {
  return [
    { test: 'Event[0].name', type: 'jsonld' },
    { test: 'Event[0].startDate', type: 'jsonld' },
    { test: 'Event[0].endDate', type: 'jsonld' },
    { test: 'Event[0].location', type: 'jsonld' },
    { test: 'Event[0].eventStatus', expect: `https://schema.org/${status}`, type: 'jsonld' },
    { test: 'Event[0].eventAttendanceMode', expect: `https://schema.org/${mode}`, type: 'jsonld' },
    { test: 'Event[0].organizer.name', type: 'jsonld' },
    { test: 'Event[0].description', type: 'jsonld' },
    ...(status === 'EventRescheduled' ? [{ test: 'Event[0].previousStartDate', type: 'jsonld' as const }] : []),
    ...(place
      ? [
          { test: `Event[0].location[?"@type"=='Place'] | [0].name`, type: 'jsonld' as const },
          { test: `Event[0].location[?"@type"=='Place'] | [0].address."@type"`, expect: 'PostalAddress', type: 'jsonld' as const },
          { test: `Event[0].location[?"@type"=='Place'] | [0].address.addressLocality`, type: 'jsonld' as const },
          { test: `Event[0].location[?"@type"=='Place'] | [0].address.addressCountry`, expect: 'FR', type: 'jsonld' as const },
        ]
      : []),
    ...(virtual ? [{ test: `Event[0].location[?"@type"=='VirtualLocation'] | [0].url`, type: 'jsonld' as const }] : []),
    // OpenGraph, for link previews.
    ...['og:title', 'og:type', 'og:url', 'og:description', 'og:locale'].map((tag) => ({ test: `"${tag}"`, type: 'metatag' as const })),
  ];
}

/** The public address the pages and feeds link to (FEDERESS_PUBLIC_URL), not the address the tests call. */
const PUBLIC_URL = 'https://agenda.example.org';

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/;

describe('syndication feeds, pages and the sitemap', () => {
  let hub: RunningHub;
  let url: string;
  beforeAll(async () => {
    hub = await startTestHub('pages_flux', { FEDERESS_PUBLIC_URL: PUBLIC_URL });
    url = hub.gatewayUrl;
  });
  afterAll(async () => {
    await hub?.stop();
  });

  const origin = () => PUBLIC_URL;
  const page = async (path: string) => {
    const answer = await get(url, path, HTML);
    expect([path, answer.status]).toEqual([path, 200]);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    return answer.text;
  };

  it('gives each status of a rencontre the JSON-LD Google’s Event rich result requires, in a valid, accessible page', async () => {
    const lien = 'https://visio.example.org/jamais-publie';
    const programmee = await creerRencontre(url, {
      titre: 'Rencontre programmée',
      resume: 'Une rencontre du club.',
      debut: '2027-03-28T07:30:00Z',
      fin: '2027-03-28T10:30:00Z',
      intervenants: [{ nom: 'Camille Dupont', role: 'Adjointe au maire', organisation: 'Ville de Lyon' }],
    });
    const reportee = await creerRencontre(url, {
      titre: 'Rencontre reportée',
      resume: 'Reportée.',
      debut: '2027-04-01T07:30:00Z',
      fin: '2027-04-01T09:30:00Z',
    });
    await modifierRencontre(url, reportee.id, { debut: '2027-04-08T07:30:00Z', fin: '2027-04-08T09:30:00Z' });
    const enLigne = await creerRencontre(url, {
      titre: 'Rencontre passée en ligne',
      resume: 'En ligne.',
      debut: '2027-04-02T07:30:00Z',
      fin: '2027-04-02T09:30:00Z',
    });
    await modifierRencontre(url, enLigne.id, { format: 'DISTANCIEL', lieu: null, lienEnLigne: lien });
    const annulee = await creerRencontre(url, {
      titre: 'Rencontre annulée',
      resume: 'Annulée.',
      debut: '2027-04-03T07:30:00Z',
      fin: '2027-04-03T09:30:00Z',
    });
    await annulerRencontre(url, annulee.id);
    const cycle = await creerRencontre(url, {
      titre: 'Cycle hybride',
      resume: 'Deux séances.',
      format: 'HYBRIDE',
      lienEnLigne: lien,
      sessions: [
        { debut: '2027-10-30T07:30:00Z', fin: '2027-10-30T09:30:00Z' },
        { debut: '2027-10-31T08:30:00Z', fin: '2027-10-31T10:30:00Z' },
      ],
    });

    const cas = [
      [programmee.id, 'EventScheduled', 'OfflineEventAttendanceMode', true, false],
      [reportee.id, 'EventRescheduled', 'OfflineEventAttendanceMode', true, false],
      [enLigne.id, 'EventMovedOnline', 'OnlineEventAttendanceMode', false, true],
      [annulee.id, 'EventCancelled', 'OfflineEventAttendanceMode', true, false],
      [cycle.id, 'EventScheduled', 'MixedEventAttendanceMode', true, true],
    ] as const;
    for (const [id, status, mode, place, virtual] of cas) {
      const html = await page(`/rencontres/${id}`);
      expect(await htmlFindings(html)).toEqual([]);
      const result = await structuredData(html, { tests: googleEvent(status, mode, place, virtual) });
      expect([id, result.failed.map((f) => f.test)]).toEqual([id, []]);
      expect(result.schemas).toEqual(['Event']);
      const event = jsonLdOf(result, 'Event');
      expect(event.startDate).toMatch(ISO_WITH_OFFSET);
      expect(event.url).toBe(`${origin()}/rencontres/${id}`);
      // The private link is never published; a virtual location points at the public page.
      expect(html).not.toContain(lien);
      expect(html).toContain(`href="/rencontres/${id}.ics"`);
    }
    const programmeeLd = jsonLdOf(await structuredData(await page(`/rencontres/${programmee.id}`), {}), 'Event');
    expect(programmeeLd.startDate).toBe('2027-03-28T09:30:00+02:00');
    expect(programmeeLd.performer).toEqual([
      {
        '@type': 'Person',
        name: 'Camille Dupont',
        jobTitle: 'Adjointe au maire',
        affiliation: { '@type': 'Organization', name: 'Ville de Lyon' },
      },
    ]);
    const reporteeLd = jsonLdOf(await structuredData(await page(`/rencontres/${reportee.id}`), {}), 'Event');
    expect(reporteeLd.previousStartDate).toBe('2027-04-01T09:30:00+02:00');
    const cycleLd = jsonLdOf(await structuredData(await page(`/rencontres/${cycle.id}`), {}), 'Event');
    expect((cycleLd.subEvent as { startDate: string }[]).map((s) => s.startDate)).toEqual([
      '2027-10-30T09:30:00+02:00',
      '2027-10-31T09:30:00+01:00',
    ]);

    // The same JSON-LD alone, for a client that asks for it.
    const ld = await get(url, `/rencontres/${programmee.id}`, { accept: 'application/ld+json' });
    expect(ld.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    expect(ld.headers.get('vary')).toBe('Accept');
    expect(JSON.parse(ld.text)).toEqual(programmeeLd);
  });

  it('shows a members-only publication’s metadata but never its file to anonymous readers, in its page and its feeds', async () => {
    const fichier = 'https://documents.example.org/reserve-aux-adherents.pdf';
    const { creerPublication } = await dataAs<{ creerPublication: { id: string } }>(
      url,
      CREER_PUBLICATION,
      {
        input: {
          titre: 'Compte-rendu réservé aux adhérents',
          resume: 'Le compte-rendu détaillé de la rencontre.',
          type: 'COMPTE_RENDU',
          datePublication: '2026-11-20',
          editeur: 'RTES',
          acces: 'ADHERENTS',
          fichier,
          region: 'ARA',
          thematiques: ['TOURISME'],
        },
      },
      ADMIN,
    );
    const id = creerPublication.id;
    // The graph does hold the file, for those entitled to it.
    expect((await dataAs<{ publication: { fichier: string } }>(url, FICHIER, { id }, ADMIN)).publication.fichier).toBe(fichier);

    const html = await page(`/publications/${id}`);
    expect(html).toContain('Compte-rendu réservé aux adhérents');
    expect(html).toContain('réservé aux collectivités adhérentes');
    expect(html).not.toContain(fichier);
    expect(await htmlFindings(html)).toEqual([]);
    const result = await structuredData(html, {
      presets: [Google],
      tests: [{ test: 'Report[0].datePublished', expect: '2026-11-20', type: 'jsonld' }],
    });
    expect(result.failed.map((f) => f.test)).toEqual([]);
    expect(result.schemas).toEqual(['Report']);
    expect(jsonLdOf(result, 'Report').isAccessibleForFree).toBe(false);
    expect(JSON.stringify(result.structuredData.jsonld)).not.toContain(fichier);

    for (const format of ['atom', 'rss', 'json']) {
      const feed = await get(url, `/publications.${format}?thematique=TOURISME`);
      expect(feed.status).toBe(200);
      expect(feed.text).toContain('Compte-rendu réservé aux adhérents');
      expect(feed.text).not.toContain(fichier);
    }

    const publique = 'https://documents.example.org/public.pdf';
    const ouverte = await dataAs<{ creerPublication: { id: string } }>(
      url,
      CREER_PUBLICATION,
      { input: { titre: 'Guide public', type: 'GUIDE_REPERESS', datePublication: '2026-11-21', editeur: 'RTES', fichier: publique } },
      ADMIN,
    );
    expect(await page(`/publications/${ouverte.creerPublication.id}`)).toContain(`href="${publique}"`);
  });

  it('serves the agenda and the publications as Atom, RSS 2.0 and JSON Feed that real parsers read, with the same items in each', async () => {
    for (const base of ['/agenda', '/publications']) {
      const atom = await parseXmlFeed((await get(url, `${base}.atom`)).text);
      const rss = await parseXmlFeed((await get(url, `${base}.rss`)).text);
      const jsonAnswer = await get(url, `${base}.json`);
      expect(jsonAnswer.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
      const json = parseJsonFeed(jsonAnswer.text);
      expect(atom.type).toBe('atom');
      expect(rss.type).toBe('rss');
      expect(atom.items.length).toBeGreaterThan(5);
      const links = atom.items.map((i) => i.link);
      expect(rss.items.map((i) => i.link)).toEqual(links);
      expect((json.entries ?? []).map((e) => e.link)).toEqual(links);
      for (const item of atom.items) {
        expect(item.link).toMatch(new RegExp(`^${origin()}${base === '/agenda' ? '/rencontres/' : '/publications/'}[0-9a-f-]{36}$`));
        expect(item.guid).toBe(item.link);
        expect(item.date).toBeInstanceOf(Date);
        // Every rencontre has a thématique; a publication may have none.
        if (base === '/agenda') expect(item.categories.length).toBeGreaterThan(0);
      }
    }
    const agenda = await parseXmlFeed((await get(url, '/agenda.atom?region=OCC')).text);
    expect(agenda.items.length).toBeGreaterThan(0);
    const ics = (await get(url, '/agenda.ics?region=OCC')).text;
    // The same rencontres as the calendar of the same filters.
    for (const item of agenda.items) expect(ics).toContain(item.link.slice(-36));
    expect((await get(url, '/agenda.atom?jeton=agenda_x')).status).toBe(400);
    const guides = await parseXmlFeed((await get(url, '/publications.rss?type=GUIDE_REPERESS')).text);
    const attendus = await dataAs<{ publications: { edges: { node: { id: string } }[] } }>(
      url,
      '{ publications(filtre: { types: [GUIDE_REPERESS] }, first: 50) { edges { node { id } } } }',
      {},
      null,
    );
    expect(guides.items.map((i) => i.link.slice(-36)).sort()).toEqual(attendus.publications.edges.map((e) => e.node.id).sort());
  });

  it('lists every public page in a sitemap the sitemaps.org schema validates, with lastmod', async () => {
    const answer = await get(url, '/sitemap.xml');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(await sitemapErrors(answer.text)).toEqual([]);
    const entries = [...answer.text.matchAll(/<url><loc>([^<]+)<\/loc><lastmod>([^<]+)<\/lastmod><\/url>/g)];
    expect(entries.some(([, loc]) => loc?.includes('/rencontres/'))).toBe(true);
    expect(entries.some(([, loc]) => loc?.includes('/publications/'))).toBe(true);
    // A page listed there is served.
    expect((await get(url, new URL(firstOf(entries, 'sitemap entry')[1]!).pathname, HTML)).status).toBe(200);
    expect(await sitemapErrors(answer.text.replace('<lastmod>', '<lastmod>hier'))).not.toEqual([]);
  });

  it('answers If-None-Match with 304 on feeds and pages until what they show changes', async () => {
    const { id } = await creerRencontre(url, {
      titre: 'Rencontre mise en cache',
      debut: '2027-05-18T07:30:00Z',
      fin: '2027-05-18T09:30:00Z',
    });
    const pub = await dataAs<{ creerPublication: { id: string } }>(
      url,
      CREER_PUBLICATION,
      {
        input: {
          titre: 'Fiche mise en cache',
          type: 'FICHE_KIT_REGIONALESS',
          datePublication: '2026-11-22',
          editeur: 'RTES',
          rencontreId: id,
        },
      },
      ADMIN,
    );
    const paths = [`/rencontres/${id}`, `/publications/${pub.creerPublication.id}`, '/publications.atom', '/agenda.json', '/sitemap.xml'];
    const etags = new Map<string, string>();
    for (const path of paths) {
      const first = await get(url, path, HTML);
      etags.set(path, first.headers.get('etag')!);
      const again = await get(url, path, { ...HTML, 'if-none-match': first.headers.get('etag')! });
      expect([path, again.status, again.text]).toEqual([path, 304, '']);
    }
    // The rencontre's page lists its resources: a change of the publication is a change of the page.
    await dataAs(url, MODIFIER_PUBLICATION, { id: pub.creerPublication.id, input: { titre: 'Fiche renommée' } }, ADMIN);
    for (const path of [`/rencontres/${id}`, `/publications/${pub.creerPublication.id}`, '/publications.atom', '/sitemap.xml']) {
      const changed = await get(url, path, { ...HTML, 'if-none-match': etags.get(path)! });
      expect([path, changed.status]).toEqual([path, 200]);
      expect(changed.headers.get('etag')).not.toBe(etags.get(path));
      if (path !== '/sitemap.xml') expect(changed.text).toContain('Fiche renommée');
    }
    await modifierRencontre(url, id, { titre: 'Rencontre renommée' });
    const agenda = await get(url, '/agenda.json', { 'if-none-match': etags.get('/agenda.json')! });
    expect(agenda.status).toBe(200);
    expect(agenda.text).toContain('Rencontre renommée');
    // A calendar shows its club's name: a club's change is a change of the agenda (the clubs' last event).
    const avantClub = agenda.headers.get('etag')!;
    expect((await get(url, '/agenda.json', { 'if-none-match': avantClub })).status).toBe(304);
    await dataAs(url, RENOMMER_CLUB, { id: clubIdOfRegion('ARA'), nom: 'Club Auvergne-Rhône-Alpes, renommé' }, ADMIN);
    const club = await get(url, '/agenda.json', { 'if-none-match': avantClub });
    expect(club.status).toBe(200);
    expect(club.headers.get('etag')).not.toBe(avantClub);
    expect(club.text).toContain('Club Auvergne-Rhône-Alpes, renommé');
  });

  it('versions the publications’ feeds by their last event: a change gives 200 and a new ETag, and a 304 reads nothing but that version', async () => {
    const paths = ['/publications.atom', '/publications.rss?type=POINTS_DE_REPERESS', '/publications.json?region=ARA'] as const;
    const first = new Map<string, string>();
    for (const path of paths) first.set(path, (await get(url, path)).headers.get('etag')!);
    // A 304 costs the probe of the publications' outbox alone (its whole response and its one fetch, never
    // kept: two lookups of the cache, both missing); a 200 reads the publications too.
    await cacheApplied(url, ['publications', 'rencontres', 'clubs']);
    const lookups = async () => {
      const { hits, misses, responseHits, responseMisses } = await cacheHealth(url);
      return hits + misses + responseHits + responseMisses;
    };
    let before = await lookups();
    expect((await get(url, paths[0])).status).toBe(200);
    const full = (await lookups()) - before;
    before = await lookups();
    expect((await get(url, paths[0], { 'if-none-match': first.get(paths[0])! })).status).toBe(304);
    expect([(await lookups()) - before, full > 2]).toEqual([2, true]);

    // Any change of a publication is a new version of every publications feed, listed in it or not.
    const { creerPublication } = await dataAs<{ creerPublication: { id: string } }>(
      url,
      CREER_PUBLICATION,
      { input: { titre: 'Points de RepèrESS versionné', type: 'POINTS_DE_REPERESS', datePublication: '2026-11-25', editeur: 'RTES' } },
      ADMIN,
    );
    const second = new Map<string, string>();
    for (const path of paths) {
      const changed = await get(url, path, { 'if-none-match': first.get(path)! });
      expect([path, changed.status]).toEqual([path, 200]);
      expect(changed.headers.get('etag')).not.toBe(first.get(path));
      second.set(path, changed.headers.get('etag')!);
      expect((await get(url, path, { 'if-none-match': second.get(path)! })).status).toBe(304);
    }
    expect((await get(url, paths[1])).text).toContain('Points de RepèrESS versionné');
    await dataAs(url, MODIFIER_PUBLICATION, { id: creerPublication.id, input: { resume: 'Un résumé de plus.' } }, ADMIN);
    const modified = await get(url, paths[1], { 'if-none-match': second.get(paths[1])! });
    expect(modified.status).toBe(200);
    expect(modified.text).toContain('Un résumé de plus.');
  });
});
