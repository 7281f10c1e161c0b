import type {
  Event,
  EventAttendanceModeEnumeration,
  EventStatusType,
  Organization,
  Person,
  Place,
  VirtualLocation,
  WithContext,
} from 'schema-dts';
import { isoParis } from '../paris-time';
import type { RencontreDuFlux, SessionDuFlux } from '../rencontre-data';
import type { Vocabulary } from '../vocabulary';

/** Google's Event rich result and schema.org: each status of a rencontre says what became of it. */
function eventStatus(r: RencontreDuFlux): EventStatusType {
  switch (r.statut) {
    case 'ANNULEE':
      return 'https://schema.org/EventCancelled';
    case 'REPORTEE':
      return 'https://schema.org/EventRescheduled';
    case 'DEPLACEE_EN_LIGNE':
      return 'https://schema.org/EventMovedOnline';
    case 'PROGRAMMEE':
    case 'COMPLETE':
    case 'PASSEE':
      return 'https://schema.org/EventScheduled';
  }
}

function attendanceMode(r: RencontreDuFlux): EventAttendanceModeEnumeration {
  switch (r.format) {
    case 'PRESENTIEL':
      return 'https://schema.org/OfflineEventAttendanceMode';
    case 'DISTANCIEL':
      return 'https://schema.org/OnlineEventAttendanceMode';
    case 'HYBRIDE':
      return 'https://schema.org/MixedEventAttendanceMode';
  }
}

function place(s: SessionDuFlux, r: RencontreDuFlux): Place | undefined {
  if (!s.lieu) return undefined;
  return {
    '@type': 'Place',
    name: s.lieu.nom,
    address: {
      '@type': 'PostalAddress',
      ...(s.lieu.adresse ? { streetAddress: s.lieu.adresse } : {}),
      addressLocality: s.lieu.commune?.nom ?? s.lieu.nom,
      ...(r.region ? { addressRegion: r.region.nom } : {}),
      addressCountry: 'FR',
    },
  };
}

/**
 * Where a session takes place: its Place, and for an online or hybrid one a VirtualLocation whose
 * URL is the rencontre's public page — never the private connection link.
 */
function locations(s: SessionDuFlux, r: RencontreDuFlux, pageUrl: string): (Place | VirtualLocation)[] {
  const found: (Place | VirtualLocation)[] = [];
  const physical = r.format === 'DISTANCIEL' ? undefined : place(s, r);
  if (physical) found.push(physical);
  if (r.format !== 'PRESENTIEL' || !physical) found.push({ '@type': 'VirtualLocation', url: pageUrl });
  return found;
}

const organizer = (r: RencontreDuFlux): Organization | undefined => {
  if (r.club) return { '@type': 'Organization', name: r.club.nom, ...(r.club.siteWeb ? { url: r.club.siteWeb } : {}) };
  const name = r.organisateurs[0];
  return name ? { '@type': 'Organization', name } : undefined;
};

const performers = (r: RencontreDuFlux): Person[] =>
  r.intervenants.map((i) => {
    const affiliation = i.organisation ?? i.collectivite?.nom;
    return {
      '@type': 'Person',
      name: i.nom,
      ...(i.role ? { jobTitle: i.role } : {}),
      ...(affiliation ? { affiliation: { '@type': 'Organization', name: affiliation } } : {}),
    };
  });

/** The schema.org Event of a rencontre, typed with schema-dts, one subEvent per session when it has several. */
export function rencontreJsonLd(r: RencontreDuFlux, pageUrl: string, vocabulary: Vocabulary): WithContext<Event> {
  const status = eventStatus(r);
  const first = r.sessions[0];
  const organisateur = organizer(r);
  const intervenants = performers(r);
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': pageUrl,
    name: r.titre,
    ...(r.resume ? { description: r.resume } : {}),
    url: pageUrl,
    inLanguage: 'fr',
    startDate: isoParis(r.debut),
    endDate: isoParis(r.fin),
    eventStatus: status,
    eventAttendanceMode: attendanceMode(r),
    ...(r.statut === 'REPORTEE' && r.debutPrecedent ? { previousStartDate: isoParis(r.debutPrecedent) } : {}),
    location: first ? locations(first, r, pageUrl) : { '@type': 'VirtualLocation', url: pageUrl },
    ...(organisateur ? { organizer: organisateur } : {}),
    ...(intervenants.length ? { performer: intervenants } : {}),
    ...(r.thematiques.length ? { keywords: r.thematiques.map((t) => vocabulary.thematique.label(t)).join(', ') } : {}),
    ...(r.sessions.length > 1
      ? {
          subEvent: r.sessions.map((s): Event => ({
            '@type': 'Event',
            name: `${r.titre} — séance ${s.ordre}`,
            startDate: isoParis(s.debut),
            endDate: isoParis(s.fin),
            eventStatus: status,
            eventAttendanceMode: attendanceMode(r),
            location: locations(s, r, pageUrl),
            url: `${pageUrl}#seance-${s.ordre}`,
          })),
        }
      : {}),
  };
}
