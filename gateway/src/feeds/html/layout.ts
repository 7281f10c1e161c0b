import { html, jsonInScript } from './escape';

export interface PageOptions {
  readonly title: string;
  readonly description: string;
  /** The page's own public URL (canonical, og:url). */
  readonly url: string;
  /** og:type: `website`, `article`, … */
  readonly ogType: string;
  readonly jsonLd?: unknown;
  /** `<link rel="alternate">` to the same thing in another format (its .ics). */
  readonly alternates?: readonly { readonly type: string; readonly href: string; readonly title: string }[];
  /** The page's `<main>`, already escaped. */
  readonly main: string;
}

const STYLE = `body{font-family:system-ui,sans-serif;line-height:1.5;max-width:46rem;margin:0 auto;padding:1rem;color:#1b1b1b;background:#fff}
a{color:#0b4f8a}a:focus{outline:3px solid #0b4f8a;outline-offset:2px}
.statut{display:inline-block;padding:.1rem .5rem;border:1px solid currentColor;border-radius:.25rem}
.annulee{color:#a0141e}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}
footer{margin-top:2rem;font-size:.9rem;color:#4a4a4a}`;

/** Search engines cut a title past about 70 characters: the `<title>` stops at a word before, the h1 says it all. */
export function shortTitle(title: string, max = 70): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()}…`;
}

/**
 * A small server-rendered French page: readable with no script, headings in order, a landmark for
 * the content, and what search engines and link previews read (JSON-LD, OpenGraph, canonical URL).
 */
export function page(options: PageOptions): string {
  const alternates = (options.alternates ?? [])
    .map((a) => `<link rel="alternate" type="${html(a.type)}" href="${html(a.href)}" title="${html(a.title)}">`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(shortTitle(options.title))}</title>
<meta name="description" content="${html(options.description)}">
<link rel="canonical" href="${html(options.url)}">
${alternates}
<meta property="og:type" content="${html(options.ogType)}">
<meta property="og:title" content="${html(options.title)}">
<meta property="og:description" content="${html(options.description)}">
<meta property="og:url" content="${html(options.url)}">
<meta property="og:locale" content="fr_FR">
<meta property="og:site_name" content="Clubs des collectivités pour l’ESS">
<style>${STYLE}</style>
${options.jsonLd === undefined ? '' : `<script type="application/ld+json">${jsonInScript(options.jsonLd)}</script>`}
</head>
<body>
<header><p>Clubs des collectivités pour l’ESS</p></header>
<main>
${options.main}
</main>
<footer><p>Publié par le hub FédérESS du réseau des Clubs des collectivités pour l’ESS.</p></footer>
</body>
</html>
`;
}
