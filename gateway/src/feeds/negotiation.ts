import type { IncomingMessage } from 'node:http';

/** A page's two representations: HTML for people and crawlers, its JSON-LD alone for machines that ask for it. */
export type PageFormat = 'html' | 'json-ld';

/** HTML unless the request prefers `application/ld+json` (or `application/json`) to `text/html`. */
export function pageFormat(req: IncomingMessage): PageFormat {
  const accept = (req.headers.accept ?? '').toLowerCase();
  const position = (type: string) => {
    const i = accept.indexOf(type);
    return i < 0 ? Infinity : i;
  };
  const json = Math.min(position('application/ld+json'), position('application/json'));
  return json < position('text/html') ? 'json-ld' : 'html';
}

export const PAGE_TYPES: Readonly<Record<PageFormat, string>> = {
  html: 'text/html; charset=utf-8',
  'json-ld': 'application/ld+json; charset=utf-8',
};
