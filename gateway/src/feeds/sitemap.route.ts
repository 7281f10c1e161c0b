import type { FeedHandler } from './feed-deps';
import { ANONYMOUS_READER, type FeedReader, type RunOperation } from './graph';
import { html as xml } from './html/escape';
import { isNotModified, sendNotModified, sendRepresentation, versionOf } from './http-cache';
import { publicationPath } from './publication-data';
import { rencontrePath } from './rencontre-data';
import { PUBLICATIONS, readVersion, RENCONTRES } from './versions';

/** The sitemap protocol's bound on one file. */
export const SITEMAP_MAX_URLS = 50_000;
const PAGE = 200;

interface Listed {
  readonly id: string;
  readonly misAJourLe: string;
}

/** Every id and last change of one list, page after page through the graph. */
async function pageThrough(run: RunOperation, reader: FeedReader, field: 'rencontres' | 'publications', max: number): Promise<Listed[]> {
  const changed = field === 'rencontres' ? 'misAJourLe: modifieLe' : 'misAJourLe';
  const query = `query Plan($first: Int, $after: String) { ${field}(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor } edges { node { id ${changed} } } } }`;
  const found: Listed[] = [];
  let after: string | null = null;
  do {
    type Page = Record<typeof field, { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Listed }[] }>;
    const page: Page = await run<Page>(query, { first: Math.min(PAGE, max - found.length), after }, reader);
    const list = page[field];
    found.push(...list.edges.map((e) => e.node));
    after = list.pageInfo.hasNextPage ? list.pageInfo.endCursor : null;
  } while (after !== null && found.length < max);
  return found;
}

/** GET /sitemap.xml: every public rencontre and publication page, with the time it last changed (lastmod). */
export const sitemap: FeedHandler = async (req, res, _url, deps) => {
  const data = await readVersion(deps.run, ANONYMOUS_READER, [...RENCONTRES, ...PUBLICATIONS]);
  const version = versionOf(['sitemap', data.token], data.lastModified);
  if (isNotModified(req, version)) return sendNotModified(res, version, false);
  const rencontres = await pageThrough(deps.run, data.reader, 'rencontres', SITEMAP_MAX_URLS);
  const publications = await pageThrough(deps.run, data.reader, 'publications', SITEMAP_MAX_URLS - rencontres.length);
  const url = (path: string, changed: string) =>
    `<url><loc>${xml(`${deps.publicUrl}${path}`)}</loc><lastmod>${xml(new Date(changed).toISOString())}</lastmod></url>`;
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...rencontres.map((r) => url(rencontrePath(r.id), r.misAJourLe)),
    ...publications.map((p) => url(publicationPath(p.id), p.misAJourLe)),
    '</urlset>',
    '',
  ].join('\n');
  sendRepresentation(req, res, { contentType: 'application/xml; charset=utf-8', body, version });
};
