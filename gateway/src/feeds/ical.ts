import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { escape, foldLines, ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { enHeureDeParis, PARIS } from './paris-time';
import { rencontrePath, type RencontreDuFlux, type SessionDuFlux } from './rencontre-data';
import { FORMAT_LIBELLES, intervenantsEnClair, lieuEnClair, organisateurEnClair, STATUT_LIBELLES } from './textes';
import type { Vocabulary } from './vocabulary';

/** How often a calendar app should fetch the feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
export const CALENDAR_REFRESH_SECONDS = 3600;
/** Registrations a private feed names in one event's description, at most (an editor may see hundreds). */
const MAX_INSCRITS_NOMMES = 20;

export interface CalendarOptions {
  /** NAME (RFC 7986) and X-WR-CALNAME. */
  readonly name: string;
  readonly description: string;
  /** The gateway's public address: pages and UIDs are built on it. */
  readonly publicUrl: string;
  /** The calendar's own public URL (URL, SOURCE), never a private one. */
  readonly url?: string;
  readonly vocabulary: Vocabulary;
}

/**
 * An event's UID: the rencontre and the session's rank, at the hub's host. It never changes, so a
 * calendar that sees a moved or cancelled rencontre updates the event it has (SEQUENCE says which
 * version is newer) instead of adding a second one.
 */
export const uidOf = (rencontreId: string, ordre: number, publicUrl: string): string =>
  `${rencontreId}-${ordre}@${new URL(publicUrl).hostname}`;

function description(r: RencontreDuFlux, s: SessionDuFlux, page: string): string {
  const lignes: string[] = [];
  if (r.statut === 'ANNULEE') lignes.push(`ANNULÉE${r.motifAnnulation ? ` : ${r.motifAnnulation}` : ''}`);
  if (r.statut === 'REPORTEE' && r.debutPrecedent)
    lignes.push(`Reportée (initialement le ${enHeureDeParis(r.debutPrecedent).setLocale('fr').toFormat("d LLLL yyyy 'à' H'h'mm")})`);
  if (r.statut === 'DEPLACEE_EN_LIGNE') lignes.push('Passée en ligne.');
  if (r.resume) lignes.push(r.resume);
  if (r.sessions.length > 1) lignes.push(`Séance ${s.ordre} sur ${r.sessions.length}.`);
  const organisateur = organisateurEnClair(r);
  if (organisateur) lignes.push(`Organisé par : ${organisateur}`);
  const intervenants = intervenantsEnClair(r);
  if (intervenants.length) lignes.push(`Intervenants : ${intervenants.join(' ; ')}`);
  lignes.push(`${FORMAT_LIBELLES[r.format]} — ${STATUT_LIBELLES[r.statut]}`);
  if (s.lienEnLigne) lignes.push(`Lien de connexion : ${s.lienEnLigne}`);
  const inscrits = (r.inscriptions ?? []).filter((i) => i.statut === 'CONFIRMEE').map((i) => `${i.personne.prenom} ${i.personne.nom}`);
  if (inscrits.length) {
    const noms = inscrits.slice(0, MAX_INSCRITS_NOMMES).join(', ');
    lignes.push(`Inscrits : ${noms}${inscrits.length > MAX_INSCRITS_NOMMES ? ` et ${inscrits.length - MAX_INSCRITS_NOMMES} autres` : ''}`);
  }
  lignes.push(`Programme et inscription : ${page}`);
  return lignes.join('\n\n');
}

/** The club's first contact address, when it has one: ORGANIZER needs a mail address (RFC 5545 cal-address). */
const organizerOf = (r: RencontreDuFlux) => {
  const email = r.club?.contacts.find((c) => c.email)?.email;
  return r.club && email ? { name: r.club.nom, email } : undefined;
};

function addSessions(calendar: ICalCalendar, r: RencontreDuFlux, options: CalendarOptions, conferences: Map<string, string>): void {
  const page = `${options.publicUrl}${rencontrePath(r.id)}`;
  const annulee = r.statut === 'ANNULEE';
  for (const s of r.sessions) {
    const uid = uidOf(r.id, s.ordre, options.publicUrl);
    const titre = `${annulee ? 'Annulée — ' : ''}${r.titre}${r.sessions.length > 1 ? ` (séance ${s.ordre}/${r.sessions.length})` : ''}`;
    calendar.createEvent({
      id: uid,
      sequence: r.revision,
      // Without METHOD, DTSTAMP is the time the event last changed (RFC 5545 §3.8.7.2): a stable feed.
      stamp: new Date(r.modifieLe),
      lastModified: new Date(r.modifieLe),
      created: new Date(r.creeLe),
      // Luxon times in Paris: ical-generator writes them as TZID=Europe/Paris wall-clock times.
      start: enHeureDeParis(s.debut),
      end: enHeureDeParis(s.fin),
      timezone: PARIS,
      summary: titre,
      description: description(r, s, page),
      location: lieuEnClair(s),
      url: page,
      categories: r.thematiques.map((t) => ({ name: options.vocabulary.thematique.label(t) })),
      status: annulee ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: organizerOf(r),
    });
    if (s.lienEnLigne) conferences.set(uid, s.lienEnLigne);
  }
}

/**
 * RFC 7986's CONFERENCE, which ical-generator does not write: added to the event with that UID,
 * folded as the library folds every line.
 */
function withConferences(text: string, conferences: ReadonlyMap<string, string>): string {
  let result = text;
  for (const [uid, link] of conferences) {
    const start = result.indexOf(`UID:${uid}\r\n`);
    const end = result.indexOf('END:VEVENT\r\n', start);
    if (start < 0 || end < 0) continue;
    const line = foldLines(`CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=${escape('Lien de connexion', true)}:${link}`);
    result = `${result.slice(0, end)}${line}\r\n${result.slice(end)}`;
  }
  return result;
}

/**
 * An iCalendar feed (RFC 5545 with RFC 7986 properties): one VEVENT per session of each rencontre,
 * times in Europe/Paris with its VTIMEZONE, cancelled rencontres kept as STATUS:CANCELLED. Online
 * links appear only where the graph gave them, i.e. in a private feed to a reader entitled to them.
 */
export function buildCalendar(rencontres: readonly RencontreDuFlux[], options: CalendarOptions): string {
  const calendar = ical({
    prodId: { company: 'FédérESS', product: 'Agenda des Clubs des collectivités pour l’ESS', language: 'FR' },
    name: options.name,
    description: options.description,
    url: options.url ?? null,
    source: options.url ?? null,
    ttl: CALENDAR_REFRESH_SECONDS,
    // No calendar-wide zone name: DTSTAMP, CREATED and LAST-MODIFIED must stay in UTC. Events carry theirs.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  calendar.x('X-WR-TIMEZONE', PARIS);
  const conferences = new Map<string, string>();
  for (const r of rencontres) addSessions(calendar, r, options, conferences);
  return withConferences(calendar.toString(), conferences);
}
