import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CorsSettings } from '@federess/config';

/** What a page on another origin may send: JSON, a bearer token, the CSRF-prevention headers, an SSE resume point. */
const ALLOWED_HEADERS = 'content-type, authorization, apollo-require-preflight, x-apollo-operation-name, last-event-id';
const ALLOWED_METHODS = 'GET, POST, OPTIONS';
/** What a page may read of an answer besides the safelisted headers: how long to wait after a 429. */
const EXPOSED_HEADERS = 'retry-after';
/** How long (s) a browser may reuse a preflight answer: 2 h, the most Chromium honours. */
const MAX_AGE_SECONDS = 7200;

/**
 * CORS for every service. Tokens are bearer tokens, never cookies: no credentials mode, so `*` is
 * safe. A request from an origin outside the list gets no CORS header (the browser then withholds
 * the answer from the page); its live connections are refused outright, since a browser lets a page
 * open a WebSocket to any origin and reads an event stream only if CORS allows it.
 */
export class CorsPolicy {
  constructor(private readonly settings: CorsSettings) {}

  /** Whether a page of `origin` may use the hub; a request without `Origin` (not from a browser page, or same-origin GET) may. */
  allows(origin: string | undefined): boolean {
    if (origin === undefined || this.settings.origins === '*') return true;
    return this.settings.origins.includes(origin);
  }

  /** For `ws`'s `verifyClient`: a WebSocket upgrade from a page of an origin not allowed is refused with 403. */
  readonly verifyClient = (info: { readonly origin: string }, accept: (ok: boolean, code?: number) => void): void =>
    this.allows(info.origin || undefined) ? accept(true) : accept(false, 403);

  /** Sets the CORS headers of any answer; says whether the request's origin is allowed. */
  apply(req: IncomingMessage, res: ServerResponse): boolean {
    const origin = req.headers.origin;
    // The answer differs by origin: shared caches must keep one per origin.
    res.setHeader('vary', 'Origin');
    if (origin === undefined || !this.allows(origin)) return origin === undefined;
    res.setHeader('access-control-allow-origin', this.settings.origins === '*' ? '*' : origin);
    res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
    return true;
  }

  /** Answers a preflight (`OPTIONS`): 204, with the permissions only for an allowed origin. */
  preflight(req: IncomingMessage, res: ServerResponse): void {
    if (this.apply(req, res) && req.headers.origin !== undefined) {
      res.setHeader('access-control-allow-methods', ALLOWED_METHODS);
      res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
      res.setHeader('access-control-max-age', String(MAX_AGE_SECONDS));
    }
    res.writeHead(204, { 'content-length': '0' });
    res.end();
  }
}
