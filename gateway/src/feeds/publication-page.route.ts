import { ErrorCode } from '@federess/server-kit';
import type { FeedHandler } from './feed-deps';
import { FeedError } from './feed-error';
import { ANONYMOUS_READER } from './graph';
import { publicationJsonLd } from './html/publication-json-ld';
import { publicationPage } from './html/publication-page';
import { isNotModified, sendNotModified, sendRepresentation, versionOf } from './http-cache';
import { PAGE_TYPES, pageFormat } from './negotiation';
import { PUBLICATION_FIELDS, publicationPath, type PublicationDuFlux } from './publication-data';
import { PUBLICATIONS, readVersion, RENCONTRES } from './versions';

const PUBLICATION_QUERY = `query PagePublication($id: ID!) { publication(id: $id) { ${PUBLICATION_FIELDS} } }`;

/**
 * GET /publications/{id}: the publication's page (JSON-LD CreativeWork or Report, OpenGraph), as an
 * anonymous reader sees it: a members-only publication shows its metadata, never its file. It names
 * its club and the rencontre it reports on: its version counts the rencontres' and clubs' side too.
 */
export const publicationPageRoute: FeedHandler = async (req, res, _url, deps, id = '') => {
  const format = pageFormat(req);
  const data = await readVersion(deps.run, ANONYMOUS_READER, [...PUBLICATIONS, ...RENCONTRES]);
  const version = versionOf(['publication', format, id, data.token], data.lastModified);
  if (isNotModified(req, version)) return sendNotModified(res, version, false, 'Accept');
  const { publication } = await deps.run<{ publication: PublicationDuFlux | null }>(PUBLICATION_QUERY, { id }, data.reader);
  if (!publication) throw new FeedError(404, ErrorCode.NOT_FOUND, `Publication introuvable : ${id}`);
  const body =
    format === 'html'
      ? publicationPage(publication, deps.publicUrl, deps.vocabulary)
      : JSON.stringify(publicationJsonLd(publication, `${deps.publicUrl}${publicationPath(id)}`, deps.vocabulary));
  sendRepresentation(req, res, { contentType: PAGE_TYPES[format], body, version, vary: 'Accept' });
};
