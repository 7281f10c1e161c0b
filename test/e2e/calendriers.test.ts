import { AGENDA_QUERY } from '@federess/gateway/dist/feeds/load-agenda';
import type { RunningHub } from '@federess/launcher';
import { adherent, ADMIN } from '@federess/auth/testing';
import { firstOf } from '@federess/server-kit/testing';
import { annulerRencontre, cacheApplied, creerRencontre, dataAs, get, modifierRencontre, type ParsedEvent, parseCalendar } from './feeds';
import { graphql, startTestHub } from './hub';

const LYON = adherent('COMMUNE:69123');
/** The rencontres of this file carry a thématique the seed agenda never uses, so a filtered feed holds only them. */
const NOTRE_AGENDA = '/agenda.ics?thematique=TOURISME';

const INSCRIRE = `mutation($id: ID!) {
  inscrire(rencontreId: $id, input: { prenom: "Claire", nom: "Calendrier", email: "claire.calendrier@example.org", qualite: ELU, collectiviteId: "COMMUNE:69123" }) { id }
}`;
const CREER_JETON = `mutation { creerJetonAgenda(libelle: "Outlook") { jeton chemin jetonAgenda { id } } }`;
const REVOQUER = `mutation($id: ID!) { revoquerJetonAgenda(id: $id) { revoqueLe } }`;

describe('calendars: /agenda.ics and /rencontres/{id}.ics', () => {
  let hub: RunningHub;
  let url: string;
  beforeAll(async () => {
    hub = await startTestHub('calendriers');
    url = hub.gatewayUrl;
  });
  afterAll(async () => {
    await hub?.stop();
  });

  const calendar = async (path: string) => {
    const answer = await get(url, path);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    return { ...(await parseCalendar(answer.text)), text: answer.text };
  };
  const eventsOf = async (id: string): Promise<ParsedEvent[]> => (await calendar(`/rencontres/${id}.ics`)).events;

  it('serves the national agenda as iCalendar that ical.js reads: calendar name, refresh interval, Europe/Paris, one event per session', async () => {
    const agenda = await calendar('/agenda.ics');
    expect(agenda.name).toBe('Clubs des collectivités pour l’ESS');
    expect(agenda.refreshInterval).toBe('PT1H');
    expect(agenda.publishedTtl).toBe('PT1H');
    expect(agenda.timezones).toEqual(['Europe/Paris']);
    // The seed agenda: upcoming club meetings in five régions.
    expect(agenda.events.length).toBeGreaterThanOrEqual(20);
    for (const event of agenda.events) {
      expect(event.uid).toMatch(/^[0-9a-f-]{36}-\d+@localhost$/);
      expect(event.startTzid).toBe('Europe/Paris');
      expect(event.url).toMatch(/^http:\/\/localhost:\d+\/rencontres\/[0-9a-f-]{36}$/);
      expect(event.status).toMatch(/^(CONFIRMED|CANCELLED)$/);
      expect(event.categories.length).toBeGreaterThan(0);
      expect(event.end.getTime()).toBeGreaterThan(event.start.getTime());
    }
    expect(agenda.events.some((e) => e.organizer?.startsWith('mailto:'))).toBe(true);
    // Online sessions are in the public agenda, their links never.
    expect(agenda.events.some((e) => e.location === 'En ligne')).toBe(true);
    expect(agenda.text).not.toMatch(/example\.org\/visio|CONFERENCE/);
    const bretagne = await calendar('/agenda.ics?region=BRE&region=ARA&format=DISTANCIEL');
    expect(bretagne.name).toBe('Clubs des collectivités pour l’ESS — BRE, ARA, DISTANCIEL');
    expect(bretagne.events.every((e) => e.location === 'En ligne')).toBe(true);
  });

  it('keeps the UID when a rencontre is moved then cancelled: a growing SEQUENCE, the new DTSTART, then STATUS:CANCELLED', async () => {
    const { id } = await creerRencontre(url, {
      titre: 'Rencontre déplacée puis annulée',
      thematiques: ['TOURISME'],
      debut: '2027-05-04T07:30:00Z',
      fin: '2027-05-04T10:30:00Z',
    });
    const created = firstOf(await eventsOf(id), 'VEVENT');
    expect(created).toMatchObject({
      uid: `${id}-1@localhost`,
      status: 'CONFIRMED',
      location: 'Hôtel de Région, 1 esplanade François Mitterrand, Lyon',
    });
    expect(created.start.toISOString()).toBe('2027-05-04T07:30:00.000Z');

    await modifierRencontre(url, id, { debut: '2027-05-11T07:30:00Z', fin: '2027-05-11T10:30:00Z' });
    const moved = firstOf(await eventsOf(id), 'VEVENT');
    expect(moved.uid).toBe(created.uid);
    expect(moved.sequence).toBeGreaterThan(created.sequence);
    expect(moved.start.toISOString()).toBe('2027-05-11T07:30:00.000Z');
    expect(moved.description).toMatch(/Reportée \(initialement le 4 mai 2027 à 9h30\)/);

    await annulerRencontre(url, id, 'Salle indisponible');
    const cancelled = firstOf(await eventsOf(id), 'VEVENT');
    expect(cancelled).toMatchObject({ uid: created.uid, status: 'CANCELLED' });
    expect(cancelled.sequence).toBeGreaterThan(moved.sequence);
    expect(cancelled.description).toMatch(/ANNULÉE : Salle indisponible/);
    // Still in the agenda, cancelled, rather than gone.
    const agenda = await calendar(NOTRE_AGENDA);
    expect(agenda.events.find((e) => e.uid === created.uid)).toMatchObject({ status: 'CANCELLED', sequence: cancelled.sequence });
  });

  it('gives a multi-session rencontre one VEVENT per session, each with its own UID and times', async () => {
    const { id } = await creerRencontre(url, {
      titre: 'Cycle de formation en trois séances',
      thematiques: ['TOURISME'],
      type: 'CYCLE_FORMATION',
      sessions: [
        { debut: '2027-04-06T07:00:00Z', fin: '2027-04-06T09:00:00Z' },
        { debut: '2027-04-13T07:00:00Z', fin: '2027-04-13T09:00:00Z' },
        { debut: '2027-04-20T12:00:00Z', fin: '2027-04-20T14:00:00Z' },
      ],
    });
    const events = await eventsOf(id);
    expect(events.map((e) => e.uid)).toEqual([1, 2, 3].map((n) => `${id}-${n}@localhost`));
    expect(events.map((e) => [e.start.toISOString(), e.end.toISOString()])).toEqual([
      ['2027-04-06T07:00:00.000Z', '2027-04-06T09:00:00.000Z'],
      ['2027-04-13T07:00:00.000Z', '2027-04-13T09:00:00.000Z'],
      ['2027-04-20T12:00:00.000Z', '2027-04-20T14:00:00.000Z'],
    ]);
    expect(events[2]?.summary).toBe('Cycle de formation en trois séances (séance 3/3)');
  });

  it('writes Paris wall-clock times that stay right across the DST changes of 2027-03-28 and 2027-10-31', async () => {
    // 9:30 in Paris: 08:30Z the day before the spring change, 07:30Z on the day (CEST), 07:30Z before the
    // autumn change, 08:30Z on the day (back to CET).
    const cas = [
      ['2027-03-27T08:30:00Z', '20270327T093000'],
      ['2027-03-28T07:30:00Z', '20270328T093000'],
      ['2027-10-30T07:30:00Z', '20271030T093000'],
      ['2027-10-31T08:30:00Z', '20271031T093000'],
    ] as const;
    for (const [debut, local] of cas) {
      const fin = new Date(Date.parse(debut) + 2 * 3600_000).toISOString();
      const { id } = await creerRencontre(url, { titre: `Rencontre du ${local}`, thematiques: ['TOURISME'], debut, fin });
      const ics = (await get(url, `/rencontres/${id}.ics`)).text;
      expect(ics).toContain(`DTSTART;TZID=Europe/Paris:${local}`);
      const event = firstOf((await parseCalendar(ics)).events, 'VEVENT');
      expect(event.start.toISOString()).toBe(new Date(debut).toISOString());
      expect(event.end.toISOString()).toBe(fin);
    }
  });

  it('shows a private feed the online link of a rencontre its owner is registered to, and of no other; the public feed none; a revoked token gets 401', async () => {
    const lien = 'https://visio.example.org/flux-prive-inscrit';
    const autre = 'https://visio.example.org/flux-prive-autre';
    const inscrite = await creerRencontre(url, {
      titre: 'Webinaire avec inscription',
      thematiques: ['TOURISME'],
      format: 'HYBRIDE',
      lienEnLigne: lien,
      debut: '2027-06-01T12:00:00Z',
      fin: '2027-06-01T13:00:00Z',
    });
    const nonInscrite = await creerRencontre(url, {
      titre: 'Webinaire sans inscription',
      thematiques: ['TOURISME'],
      format: 'DISTANCIEL',
      lieu: null,
      lienEnLigne: autre,
      debut: '2027-06-02T12:00:00Z',
      fin: '2027-06-02T13:00:00Z',
    });
    await dataAs(url, INSCRIRE, { id: inscrite.id }, ADMIN);
    const { creerJetonAgenda } = await dataAs<{ creerJetonAgenda: { jeton: string; chemin: string; jetonAgenda: { id: string } } }>(
      url,
      CREER_JETON,
      {},
      LYON,
    );
    const privePath = `${creerJetonAgenda.chemin}&thematique=TOURISME`;

    const prive = await get(url, privePath);
    expect(prive.status).toBe(200);
    expect(prive.headers.get('cache-control')).toBe('private, max-age=300');
    const feed = await parseCalendar(prive.text);
    expect(feed.name).toBe('Mon agenda — Clubs des collectivités pour l’ESS — TOURISME');
    const byRencontre = (id: string) => feed.events.find((e) => e.uid === `${id}-1@localhost`)!;
    expect(byRencontre(inscrite.id).conference).toBe(lien);
    expect(byRencontre(inscrite.id).description).toContain(`Lien de connexion : ${lien}`);
    expect(byRencontre(inscrite.id).description).toContain('Inscrits : Claire Calendrier');
    expect(byRencontre(nonInscrite.id).conference).toBeNull();
    expect(prive.text).not.toContain(autre);
    // The feed never names its own (secret) address.
    expect(prive.text).not.toContain(creerJetonAgenda.jeton);

    const publique = await get(url, NOTRE_AGENDA);
    expect(publique.text).not.toContain(lien);
    expect(publique.text).not.toContain(autre);
    expect((await parseCalendar(publique.text)).events.every((e) => e.conference === null)).toBe(true);

    await dataAs(url, REVOQUER, { id: creerJetonAgenda.jetonAgenda.id }, LYON);
    for (const path of [privePath, `/agenda.ics?jeton=agenda_${'x'.repeat(43)}`, '/agenda.ics?jeton=']) {
      const refused = await get(url, path);
      expect(refused.status).toBe(401);
      expect(refused.text).not.toMatch(/BEGIN:VCALENDAR|visio/);
      expect((JSON.parse(refused.text) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(
        'UNAUTHENTICATED',
      );
    }
    // Even a calendar that still holds the old version gets 401, not 304.
    expect((await get(url, privePath, { 'if-none-match': prive.headers.get('etag')! })).status).toBe(401);
  });

  it('never serves a private feed’s answer from the cache to anyone else, nor anyone else’s to it; a revoked token fails at once, just served or not', async () => {
    const lien = 'https://visio.example.org/flux-prive-cache';
    const rencontre = await creerRencontre(url, {
      titre: 'Webinaire du cache',
      thematiques: ['TOURISME'],
      format: 'DISTANCIEL',
      lieu: null,
      lienEnLigne: lien,
      debut: '2027-06-08T12:00:00Z',
      fin: '2027-06-08T13:00:00Z',
    });
    await dataAs(url, INSCRIRE, { id: rencontre.id }, ADMIN);
    const { creerJetonAgenda } = await dataAs<{ creerJetonAgenda: { chemin: string; jetonAgenda: { id: string } } }>(
      url,
      CREER_JETON,
      {},
      LYON,
    );
    const uid = `${rencontre.id}-1@localhost`;
    const conferenceIn = async (path: string, headers: Record<string, string> = {}) => {
      const answer = await get(url, path, headers);
      expect([path, answer.status]).toEqual([path, 200]);
      return {
        conference: (await parseCalendar(answer.text)).events.find((e) => e.uid === uid)?.conference,
        etag: answer.headers.get('etag')!,
      };
    };
    /** The private feed's own operation, sent by an anonymous client: the very subgraph calls the feed makes, under the anonymous scope. */
    const anonymousAsTheFeed = async (filtre: Record<string, unknown>) => {
      const { body } = await graphql<{ rencontres: { edges: { node: { id: string; sessions: { lienEnLigne: string | null }[] } }[] } }>(
        url,
        AGENDA_QUERY,
        { filtre, first: 200, after: null, prive: true },
      );
      expect(body.errors).toBeUndefined();
      return firstOf(body.data!.rencontres.edges.find((e) => e.node.id === rencontre.id)!.node.sessions, 'session').lienEnLigne;
    };
    const depuis = (jour: string) => ({ thematiques: ['TOURISME'], depuis: `${jour}T00:00:00.000Z` });
    // Once the cache has applied these changes, a feed may be read through it (before, it is read afresh anyway).
    await cacheApplied(url, ['rencontres', 'clubs']);

    // An anonymous answer kept first is not what the private feed gets…
    expect(await anonymousAsTheFeed(depuis('2026-01-01'))).toBeNull();
    expect((await conferenceIn(`${creerJetonAgenda.chemin}&thematique=TOURISME&depuis=2026-01-01`)).conference).toBe(lien);
    // …and the private feed's answer is never kept for an anonymous caller.
    const prive = await conferenceIn(`${creerJetonAgenda.chemin}&thematique=TOURISME&depuis=2026-01-02`);
    expect(prive.conference).toBe(lien);
    expect(await anonymousAsTheFeed(depuis('2026-01-02'))).toBeNull();
    expect(await anonymousAsTheFeed(depuis('2026-01-02'))).toBeNull();

    // The same feed, just served (and unchanged: 304), stops at once when its token is revoked.
    const privePath = `${creerJetonAgenda.chemin}&thematique=TOURISME&depuis=2026-01-02`;
    expect((await get(url, privePath, { 'if-none-match': prive.etag })).status).toBe(304);
    await dataAs(url, REVOQUER, { id: creerJetonAgenda.jetonAgenda.id }, LYON);
    for (const headers of [{}, { 'if-none-match': prive.etag }] as Record<string, string>[]) {
      const refused = await get(url, privePath, headers);
      expect(refused.status).toBe(401);
      expect(refused.text).not.toContain(lien);
    }
  });

  it('answers If-None-Match with 304 until a change, then 200 with a new ETag; Last-Modified and public caching alike', async () => {
    const first = await get(url, NOTRE_AGENDA);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=300');
    const lastModified = first.headers.get('last-modified')!;
    expect(Date.parse(lastModified)).toBeGreaterThan(0);

    const unchanged = await get(url, NOTRE_AGENDA, { 'if-none-match': etag });
    expect(unchanged.status).toBe(304);
    expect(unchanged.text).toBe('');
    expect(unchanged.headers.get('etag')).toBe(etag);
    expect((await get(url, NOTRE_AGENDA, { 'if-modified-since': lastModified })).status).toBe(304);
    // Another filter is another feed, with its own ETag.
    expect((await get(url, `${NOTRE_AGENDA}&format=HYBRIDE`, { 'if-none-match': etag })).status).toBe(200);

    const { id } = await creerRencontre(url, {
      titre: 'Une rencontre de plus',
      thematiques: ['TOURISME'],
      debut: '2027-07-06T07:30:00Z',
      fin: '2027-07-06T09:30:00Z',
    });
    const changed = await get(url, NOTRE_AGENDA, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect((await parseCalendar(changed.text)).events.some((e) => e.uid === `${id}-1@localhost`)).toBe(true);

    const single = await get(url, `/rencontres/${id}.ics`);
    expect((await get(url, `/rencontres/${id}.ics`, { 'if-none-match': single.headers.get('etag')! })).status).toBe(304);
  });

  it('refuses a bad URL with a code and a French sentence, never a 5xx', async () => {
    const cases: [string, number, string][] = [
      ['/agenda.ics?regions=ARA', 400, 'BAD_USER_INPUT'],
      ['/agenda.ics?region=XYZ', 400, 'BAD_USER_INPUT'],
      ['/agenda.ics?thematique=INCONNUE', 400, 'BAD_USER_INPUT'],
      ['/agenda.ics?depuis=hier', 400, 'BAD_USER_INPUT'],
      ['/agenda.ics?club=pas-un-uuid', 400, 'BAD_USER_INPUT'],
      ['/rencontres/pas-un-uuid.ics', 400, 'BAD_USER_INPUT'],
      ['/rencontres/00000000-0000-4000-8000-000000000000.ics', 404, 'NOT_FOUND'],
    ];
    for (const [path, status, code] of cases) {
      const answer = await get(url, path);
      expect([path, answer.status]).toEqual([path, status]);
      const error = firstOf((JSON.parse(answer.text) as { errors: { message: string; extensions: { code: string } }[] }).errors, 'error');
      expect(error.extensions.code).toBe(code);
      expect(error.message).toMatch(/[a-zé]/);
    }
    const post = await fetch(`${url.replace(/\/graphql$/, '')}/agenda.ics`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});
