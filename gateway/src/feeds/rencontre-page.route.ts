import { ErrorCode } from '@federess/server-kit';
import type { FeedHandler } from './feed-deps';
import { FeedError } from './feed-error';
import { ANONYMOUS_READER } from './graph';
import { rencontreJsonLd } from './html/rencontre-json-ld';
import { rencontrePage } from './html/rencontre-page';
import { sendRepresentation, versionOf } from './http-cache';
import { loadRencontre } from './load-agenda';
import { PAGE_TYPES, pageFormat } from './negotiation';
import { rencontrePath } from './rencontre-data';
import { combined, publicationsVersion, RENCONTRES_VERSION_QUERY, rencontresVersion, type RencontresVersionData } from './versions';

/**
 * GET /rencontres/{id}: the rencontre's page for people, search engines and link previews (JSON-LD
 * Event, OpenGraph, its .ics), as an anonymous reader sees it. It lists its resources, so its version
 * is the rencontres' last event together with those publications' own.
 */
export const rencontrePageRoute: FeedHandler = async (req, res, _url, deps, id = '') => {
  const head = rencontresVersion(await deps.run<RencontresVersionData>(RENCONTRES_VERSION_QUERY, {}, ANONYMOUS_READER));
  const rencontre = await loadRencontre(deps.run, id, ANONYMOUS_READER);
  if (!rencontre) throw new FeedError(404, ErrorCode.NOT_FOUND, `Rencontre introuvable : ${id}`);
  const format = pageFormat(req);
  const data = combined(head, publicationsVersion(rencontre.ressources));
  const version = versionOf(['rencontre', format, id, data.token], data.lastModified);
  const body =
    format === 'html'
      ? rencontrePage(rencontre, deps.publicUrl, deps.vocabulary)
      : JSON.stringify(rencontreJsonLd(rencontre, `${deps.publicUrl}${rencontrePath(id)}`, deps.vocabulary));
  sendRepresentation(req, res, { contentType: PAGE_TYPES[format], body, version, vary: 'Accept' });
};
