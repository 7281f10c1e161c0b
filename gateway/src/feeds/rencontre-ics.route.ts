import { CALENDAR_TYPE } from './agenda-ics.route';
import type { FeedHandler } from './feed-deps';
import { FeedError } from './feed-error';
import { ANONYMOUS_READER } from './graph';
import { isNotModified, sendNotModified, sendRepresentation, versionOf } from './http-cache';
import { buildCalendar } from './ical';
import { loadRencontre } from './load-agenda';
import { rencontrePath } from './rencontre-data';
import { ErrorCode } from '@federess/server-kit';
import { readVersion, RENCONTRES } from './versions';

/** GET /rencontres/{id}.ics: one rencontre for "add to my calendar", with the same UIDs as the agenda feed. */
export const rencontreIcs: FeedHandler = async (req, res, _url, deps, id = '') => {
  const data = await readVersion(deps.run, ANONYMOUS_READER, RENCONTRES);
  const version = versionOf(['rencontre.ics', id, data.token], data.lastModified);
  if (isNotModified(req, version)) return sendNotModified(res, version, false);
  const rencontre = await loadRencontre(deps.run, id, data.reader);
  if (!rencontre) throw new FeedError(404, ErrorCode.NOT_FOUND, `Rencontre introuvable : ${id}`);
  const body = buildCalendar([rencontre], {
    name: rencontre.titre,
    description: rencontre.resume ?? rencontre.titre,
    publicUrl: deps.publicUrl,
    url: `${deps.publicUrl}${rencontrePath(id)}.ics`,
    vocabulary: deps.vocabulary,
  });
  res.setHeader('content-disposition', `inline; filename="rencontre-${id}.ics"`);
  sendRepresentation(req, res, { contentType: CALENDAR_TYPE, body, version });
};
