import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { describeInternalError, ErrorCode, type RateLimiter, type Route } from '@federess/server-kit';
import type { GatewayContext } from '../context';
import { agendaFeed } from './agenda-feeds.route';
import { agendaIcs } from './agenda-ics.route';
import type { FeedDeps, FeedHandler } from './feed-deps';
import { FeedError, sendFeedError } from './feed-error';
import { graphRunner } from './graph';
import { publicationPageRoute } from './publication-page.route';
import { publicationsFeed } from './publications-feeds.route';
import { rencontreIcs } from './rencontre-ics.route';
import { rencontrePageRoute } from './rencontre-page.route';
import { sitemap } from './sitemap.route';
import { vocabularyOf } from './vocabulary';
import { logOf } from '@federess/observability';

/** Paths without a parameter. */
const FIXED: Readonly<Record<string, FeedHandler>> = {
  '/agenda.ics': agendaIcs,
  '/agenda.atom': agendaFeed('atom'),
  '/agenda.rss': agendaFeed('rss'),
  '/agenda.json': agendaFeed('json'),
  '/publications.atom': publicationsFeed('atom'),
  '/publications.rss': publicationsFeed('rss'),
  '/publications.json': publicationsFeed('json'),
  '/sitemap.xml': sitemap,
};

/** Paths whose last segment is an id. */
const WITH_ID: readonly (readonly [RegExp, FeedHandler])[] = [
  [/^\/rencontres\/([^/]+)\.ics$/, rencontreIcs],
  [/^\/rencontres\/([^/.]+)$/, rencontrePageRoute],
  [/^\/publications\/([^/.]+)$/, publicationPageRoute],
];

export interface FeedRoutesOptions {
  readonly apollo: ApolloServer<GatewayContext>;
  readonly supergraphSdl: string;
  readonly publicUrl: string;
  /** The gateway's rate limits: a feed request counts as a request, as a GraphQL one does. */
  readonly rateLimiter: RateLimiter;
  readonly now?: () => Date;
}

function decodeId(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new FeedError(400, ErrorCode.BAD_USER_INPUT, `Identifiant mal formé dans l'adresse : ${segment}`);
  }
}

/**
 * The gateway's calendars, syndication feeds, pages and sitemap (see the README's "Calendars, feeds
 * and pages"): the route for a path, for the HTTP handler's `routeOf`. Each reads the graph through
 * the gateway itself, answers GET and HEAD, counts in the rate limits, and answers a failure with a
 * status and a code, never with part of a feed.
 */
export function feedRoutes(options: FeedRoutesOptions): (pathname: string) => Route | undefined {
  const deps: FeedDeps = {
    run: graphRunner(options.apollo),
    publicUrl: options.publicUrl,
    vocabulary: vocabularyOf(options.supergraphSdl),
    now: options.now ?? (() => new Date()),
  };
  const serve = (handler: FeedHandler, id?: string): Route => {
    return async (req: IncomingMessage, res: ServerResponse) => {
      try {
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          throw new FeedError(405, ErrorCode.BAD_REQUEST, 'Seules les méthodes GET et HEAD sont acceptées ici.', { allow: 'GET, HEAD' });
        }
        const refused = options.rateLimiter.check(req);
        if (refused) {
          throw new FeedError(429, ErrorCode.RATE_LIMITED, refused.message, { 'retry-after': String(refused.retryAfterSeconds) });
        }
        await handler(req, res, new URL(req.url ?? '/', 'http://localhost'), deps, id === undefined ? undefined : decodeId(id));
      } catch (error) {
        if (!(error instanceof FeedError)) logOf('feeds').error('feed failed', { error: describeInternalError(error, 'production') });
        if (res.headersSent) return void res.end();
        sendFeedError(
          req,
          res,
          error instanceof FeedError ? error : new FeedError(500, ErrorCode.INTERNAL_SERVER_ERROR, 'Erreur interne du serveur.'),
        );
      }
    };
  };
  return (pathname) => {
    const fixed = FIXED[pathname];
    if (fixed) return serve(fixed);
    for (const [pattern, handler] of WITH_ID) {
      const match = pattern.exec(pathname);
      if (match) return serve(handler, match[1]);
    }
    return undefined;
  };
}
