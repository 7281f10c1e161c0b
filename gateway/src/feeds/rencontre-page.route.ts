import { ErrorCode } from '@federess/server-kit';
import type { FeedHandler } from './feed-deps';
import { FeedError } from './feed-error';
import { ANONYMOUS_READER } from './graph';
import { rencontreJsonLd } from './html/rencontre-json-ld';
import { rencontrePage } from './html/rencontre-page';
import { isNotModified, sendNotModified, sendRepresentation, versionOf } from './http-cache';
import { loadRencontre } from './load-agenda';
import { PAGE_TYPES, pageFormat } from './negotiation';
import { rencontrePath } from './rencontre-data';
import { PUBLICATIONS, readVersion, RENCONTRES } from './versions';

/**
 * GET /rencontres/{id}: the rencontre's page for people, search engines and link previews (JSON-LD
 * Event, OpenGraph, its .ics), as an anonymous reader sees it. It lists its resources, so its version
 * is the rencontres' (and clubs') last change together with the publications'.
 */
export const rencontrePageRoute: FeedHandler = async (req, res, _url, deps, id = '') => {
  const format = pageFormat(req);
  const data = await readVersion(deps.run, ANONYMOUS_READER, [...RENCONTRES, ...PUBLICATIONS]);
  const version = versionOf(['rencontre', format, id, data.token], data.lastModified);
  if (isNotModified(req, version)) return sendNotModified(res, version, false, 'Accept');
  const rencontre = await loadRencontre(deps.run, id, data.reader);
  if (!rencontre) throw new FeedError(404, ErrorCode.NOT_FOUND, `Rencontre introuvable : ${id}`);
  const body =
    format === 'html'
      ? rencontrePage(rencontre, deps.publicUrl, deps.vocabulary)
      : JSON.stringify(rencontreJsonLd(rencontre, `${deps.publicUrl}${rencontrePath(id)}`, deps.vocabulary));
  sendRepresentation(req, res, { contentType: PAGE_TYPES[format], body, version, vary: 'Accept' });
};
