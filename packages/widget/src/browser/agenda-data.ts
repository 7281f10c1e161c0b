/** What the agenda shows of a rencontre: the same selection for the list and for live events. */
export interface AgendaRencontre {
  readonly id: string;
  readonly titre: string;
  readonly debut: string;
  readonly fin: string;
  readonly debutPrecedent: string | null;
  readonly format: 'PRESENTIEL' | 'DISTANCIEL' | 'HYBRIDE';
  readonly statut: string;
  readonly club: { readonly nom: string } | null;
  readonly sessions: readonly { readonly lieu: { readonly nom: string; readonly commune: { readonly nom: string } | null } | null }[];
}

export interface LiveEvent {
  readonly id: string;
  readonly type: string;
  readonly rencontre: AgendaRencontre | null;
}

/** The widget's filters, from its attributes. */
export interface AgendaFilters {
  readonly regions: readonly string[];
  readonly clubs: readonly string[];
  readonly thematiques: readonly string[];
}

const FIELDS = `id titre debut fin debutPrecedent format statut club { nom } sessions { lieu { nom commune { nom } } }`;

export const AGENDA_QUERY = `query Agenda($filtre: RencontreFiltre, $first: Int) {
  rencontres(filtre: $filtre, first: $first) { edges { node { ${FIELDS} } } }
}`;

export const LIVE_SUBSCRIPTION = `subscription AgendaEnDirect($filtre: RencontresEnDirectFiltre, $apres: ID) {
  rencontresEnDirect(filtre: $filtre, apres: $apres) { id type rencontre { ${FIELDS} } }
}`;

const nonEmpty = (filters: AgendaFilters): Partial<AgendaFilters> =>
  Object.fromEntries(Object.entries(filters).filter(([, values]) => (values as string[]).length > 0));

export function agendaVariables(filters: AgendaFilters, limit: number, now: Date): Record<string, unknown> {
  return { filtre: { ...nonEmpty(filters), depuis: now.toISOString() }, first: limit };
}

export function liveVariables(filters: AgendaFilters, apres: string | undefined): Record<string, unknown> {
  return { filtre: nonEmpty(filters), ...(apres ? { apres } : {}) };
}

/**
 * The list after a live event: the rencontre as it is now replaces its older self (an event
 * replayed after a reload changes nothing twice), a new one takes its place by date, one that ended
 * leaves, and the list keeps to `limit`.
 */
export function applyEvent(list: readonly AgendaRencontre[], rencontre: AgendaRencontre, limit: number, now: Date): AgendaRencontre[] {
  const others = list.filter((r) => r.id !== rencontre.id);
  if (new Date(rencontre.fin).getTime() < now.getTime()) return others;
  return [...others, rencontre].sort((a, b) => a.debut.localeCompare(b.debut)).slice(0, limit);
}

/** The agenda's iCal feed with the same filters (`/agenda.ics`, repeatable `thematique`). */
export function icalUrl(origin: string, filters: AgendaFilters): string {
  const url = new URL('/agenda.ics', origin);
  for (const region of filters.regions) url.searchParams.append('region', region);
  for (const club of filters.clubs) url.searchParams.append('club', club);
  for (const thematique of filters.thematiques) url.searchParams.append('thematique', thematique);
  return url.toString();
}

/** A space- or comma-separated attribute as a list. */
export const listOf = (value: string | null | undefined): string[] => (value ?? '').split(/[\s,]+/).filter((part) => part.length > 0);
