import { type AgendaParams, agendaSearch, readAgendaParams } from './agenda-params';
import type { FeedHandler } from './feed-deps';
import { ANONYMOUS_READER, type FeedReader } from './graph';
import { isNotModified, sendNotModified, sendRepresentation, versionOf } from './http-cache';
import { buildCalendar } from './ical';
import { loadAgenda } from './load-agenda';
import { readerKey } from './reader-key';
import { readVersion, RENCONTRES } from './versions';

export const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

/** « Clubs des collectivités pour l’ESS — ARA, SCIC ». */
export function agendaName(params: AgendaParams, prive: boolean): string {
  const filtres = [...params.regions, ...params.thematiques, ...params.formats].join(', ');
  return `${prive ? 'Mon agenda — ' : ''}Clubs des collectivités pour l’ESS${filtres ? ` — ${filtres}` : ''}`;
}

/**
 * GET /agenda.ics: the agenda as an iCalendar feed a calendar app subscribes to, with the agenda's
 * filters; with `jeton=`, the private feed of that token's owner. Its version is read first, so that
 * a calendar that has it already gets 304 without the agenda being read.
 */
export const agendaIcs: FeedHandler = async (req, res, url, deps) => {
  const params = readAgendaParams(url, deps.vocabulary, deps.now(), true);
  const reader: FeedReader = params.jeton === undefined ? ANONYMOUS_READER : { feedToken: params.jeton };
  const prive = reader.feedToken !== undefined;
  const data = await readVersion(deps.run, reader, RENCONTRES);
  const version = versionOf(
    ['agenda.ics', agendaSearch(params), params.depuis.toISOString(), readerKey(reader), data.token],
    data.lastModified,
  );
  if (isNotModified(req, version)) return sendNotModified(res, version, prive);
  const rencontres = await loadAgenda(deps.run, params, data.reader);
  const publicFeed = `${deps.publicUrl}/agenda.ics${agendaSearch(params)}`;
  const body = buildCalendar(rencontres, {
    name: agendaName(params, prive),
    description: prive
      ? 'Les rencontres des Clubs des collectivités pour l’ESS, avec vos inscriptions et vos liens de connexion. Adresse personnelle : ne la partagez pas.'
      : 'Les rencontres des Clubs des collectivités pour l’ESS : réunions de club, webinaires, journées régionales.',
    publicUrl: deps.publicUrl,
    // A private feed never names its own URL: it holds the token.
    url: prive ? undefined : publicFeed,
    vocabulary: deps.vocabulary,
  });
  sendRepresentation(req, res, { contentType: CALENDAR_TYPE, body, version, private: prive });
};
