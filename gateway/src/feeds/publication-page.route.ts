import { ErrorCode } from '@federess/server-kit';
import type { FeedHandler } from './feed-deps';
import { FeedError } from './feed-error';
import { ANONYMOUS_READER } from './graph';
import { publicationJsonLd } from './html/publication-json-ld';
import { publicationPage } from './html/publication-page';
import { sendRepresentation, versionOf } from './http-cache';
import { PAGE_TYPES, pageFormat } from './negotiation';
import { PUBLICATION_FIELDS, publicationPath, type PublicationDuFlux } from './publication-data';
import { combined, publicationsVersion, RENCONTRES_VERSION_QUERY, rencontresVersion, type RencontresVersionData } from './versions';

const PUBLICATION_QUERY = `query PagePublication($id: ID!) { publication(id: $id) { ${PUBLICATION_FIELDS} } }`;

/**
 * GET /publications/{id}: the publication's page (JSON-LD CreativeWork or Report, OpenGraph), as an
 * anonymous reader sees it: a members-only publication shows its metadata, never its file.
 */
export const publicationPageRoute: FeedHandler = async (req, res, _url, deps, id = '') => {
  // The page names the rencontre it reports on: its title comes from the rencontres side.
  const head = rencontresVersion(await deps.run<RencontresVersionData>(RENCONTRES_VERSION_QUERY, {}, ANONYMOUS_READER));
  const { publication } = await deps.run<{ publication: PublicationDuFlux | null }>(PUBLICATION_QUERY, { id }, ANONYMOUS_READER);
  if (!publication) throw new FeedError(404, ErrorCode.NOT_FOUND, `Publication introuvable : ${id}`);
  const format = pageFormat(req);
  const data = combined(head, publicationsVersion([publication]));
  const version = versionOf(['publication', format, id, data.token], data.lastModified);
  const body =
    format === 'html'
      ? publicationPage(publication, deps.publicUrl, deps.vocabulary)
      : JSON.stringify(publicationJsonLd(publication, `${deps.publicUrl}${publicationPath(id)}`, deps.vocabulary));
  sendRepresentation(req, res, { contentType: PAGE_TYPES[format], body, version, vary: 'Accept' });
};
