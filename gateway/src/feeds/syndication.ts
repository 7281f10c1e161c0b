import { Feed, type Item } from 'feed';

/** The three syndication formats of one feed, each at its own URL. */
export type SyndicationFormat = 'atom' | 'rss' | 'json';

export const SYNDICATION_TYPES: Readonly<Record<SyndicationFormat, string>> = {
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export interface SyndicationOptions {
  readonly title: string;
  readonly description: string;
  /** The HTML page the feed is about (its link). */
  readonly link: string;
  /** The feed's URL without its extension, e.g. `https://hub.example.org/agenda?region=ARA`: each format adds its own. */
  readonly self: (format: SyndicationFormat) => string;
  readonly updated: Date;
  readonly format: SyndicationFormat;
}

/**
 * Atom 1.0, RSS 2.0 or JSON Feed through the `feed` package. An item's id is its page's URL: stable,
 * and the same in the three formats, so a reader switching format sees no new items.
 */
export function buildSyndication(items: readonly Item[], options: SyndicationOptions): string {
  const feed = new Feed({
    id: options.self(options.format),
    title: options.title,
    description: options.description,
    link: options.link,
    language: 'fr',
    updated: options.updated,
    generator: 'FédérESS',
    // Atom wants an author for the feed when an entry has none.
    author: { name: 'Clubs des collectivités pour l’ESS (RTES et CRESS)' },
    copyright: 'Réseau des collectivités territoriales pour une économie solidaire (RTES) et CRESS',
    feedLinks: { atom: options.self('atom'), rss: options.self('rss'), json: options.self('json') },
  });
  for (const item of items) feed.addItem(item);
  if (options.format === 'atom') return feed.atom1();
  if (options.format === 'rss') return feed.rss2();
  return feed.json1();
}
