import { QueryParams } from './query-params';
import type { Vocabulary } from './vocabulary';

/** How far back an agenda feed goes without `depuis`: a calendar keeps the recent past, cancellations included. */
export const AGENDA_DEFAULT_DAYS_BACK = 90;

/** The agenda's filters, as the URL gives them (`/agenda.ics?region=ARA&thematique=SCIC`). */
export interface AgendaParams {
  readonly regions: readonly string[];
  readonly clubs: readonly string[];
  readonly thematiques: readonly string[];
  readonly formats: readonly string[];
  readonly depuis: Date;
  /** Whether `depuis` was given (otherwise it is AGENDA_DEFAULT_DAYS_BACK days ago). */
  readonly depuisDonne: boolean;
  /** A private feed's token (`jeton=`), or undefined for the public agenda. */
  readonly jeton: string | undefined;
}

const DAY_MS = 86_400_000;

export function readAgendaParams(url: URL, vocabulary: Vocabulary, now: Date, withToken: boolean): AgendaParams {
  const names = ['region', 'club', 'thematique', 'format', 'depuis', ...(withToken ? ['jeton'] : [])];
  const params = QueryParams.of(url, names);
  // A relative default moves once a day, at midnight UTC, so the feed's version does too.
  const since = params.date('depuis');
  const defaultSince = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - AGENDA_DEFAULT_DAYS_BACK * DAY_MS);
  return {
    regions: params.list('region', (v) => v.toUpperCase()),
    clubs: params.list('club', (v) => v.toLowerCase()),
    thematiques: params.enumList('thematique', vocabulary.thematique.values),
    formats: params.enumList('format', vocabulary.format.values),
    depuis: since ?? defaultSince,
    depuisDonne: since !== undefined,
    // Present but empty is still a (bad) token: the feed is refused, never served as the public one.
    jeton: withToken && url.searchParams.has('jeton') ? (params.single('jeton') ?? '') : undefined,
  };
}

/** The `RencontreFiltre` of the graph for these parameters (the subgraph checks régions and club ids). */
export function agendaFilter(params: AgendaParams): Record<string, unknown> {
  const some = (values: readonly string[]) => (values.length ? values : undefined);
  return {
    regions: some(params.regions),
    clubs: some(params.clubs),
    thematiques: some(params.thematiques),
    formats: some(params.formats),
    depuis: params.depuis.toISOString(),
  };
}

/** The public filters in a canonical form, for the links a feed gives to itself (never the token). */
export function agendaSearch(params: AgendaParams): string {
  const search = new URLSearchParams();
  for (const [name, values] of [
    ['region', params.regions],
    ['club', params.clubs],
    ['thematique', params.thematiques],
    ['format', params.formats],
  ] as const) {
    for (const value of [...values].sort()) search.append(name, value);
  }
  if (params.depuisDonne) search.set('depuis', params.depuis.toISOString());
  const text = search.toString();
  return text ? `?${text}` : '';
}
