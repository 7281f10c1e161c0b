import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import {
  currentRequest,
  logOf,
  metricsRoute,
  noteErrorCode,
  recordGraphqlError,
  recordLimitRefusal,
  runInRequest,
} from '@federess/observability';
import type { Drain } from './drain';
import { ErrorCode } from './error-codes';
import { explorerPage } from './explorer-page';
import { describeInternalError } from './internal-error-log';
import { observeRequest } from './observed-request';
import { checkTokens } from './limits/token-limit';
import type { SubscribePayload } from './operation-gate';
import type { RateLimiter } from './limits/rate-limit';
import type { CorsPolicy } from './web/cors';
import type { EventStreamEndpoint } from './web/event-stream-endpoint';

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HttpHandlerOptions<TContext extends BaseContext> {
  /** Builds the per-request context (per-request DataLoaders live there). */
  readonly context: (req: IncomingMessage) => Promise<TContext>;
  /** Title of the explorer page served at `/` and on a browser GET of `/graphql`. */
  readonly title: string;
  /** Extra routes by exact path, e.g. `/health`. */
  readonly routes?: Readonly<Record<string, Route>>;
  /** Routes whose path carries a parameter (`/rencontres/{id}.ics`): the route for a path, if any, after the exact ones. */
  readonly routeOf?: (pathname: string) => Route | undefined;
  /** Largest accepted request body in bytes (default 1 MiB, setting FEDERESS_MAX_BODY_BYTES); larger bodies get 413. */
  readonly maxBodyBytes?: number;
  /** Most lexical tokens of a document (setting FEDERESS_MAX_TOKENS), counted here before Apollo parses it. */
  readonly maxTokens?: number;
  /** Most characters of a document (setting FEDERESS_MAX_CHARACTERS), checked before the tokens are counted. */
  readonly maxCharacters?: number;
  /** Per-address and per-token rate limits, checked before the body is read; 429 with Retry-After. */
  readonly rateLimiter?: RateLimiter;
  /**
   * A caller whose operation already passed these limits upstream: the gateway, on a subgraph. Its
   * documents are derived from a client's (fragments inlined, so longer) and one client request fans
   * out to several calls, so neither the token count nor the rate limits apply to it. The other
   * limits still do: a plan never measures more than the client operation it comes from.
   */
  readonly trustedCaller?: (req: IncomingMessage) => boolean;
  /** CORS headers on every answer, preflights answered; without it, no CORS header at all. */
  readonly cors?: CorsPolicy;
  /** Subscriptions over Server-Sent Events on `/graphql`, for requests that accept `text/event-stream`. */
  readonly eventStream?: EventStreamEndpoint;
  /** What `/` serves (default: the offline explorer page; `false`: nothing, 404). */
  readonly page?: Route | false;
  /** The server's requests in flight, waited for at shutdown; while it drains, every answer closes its connection. */
  readonly drain?: Drain;
  /** Serves `GET /metrics` on this port too (development; in production metrics have a port of their own). */
  readonly exposeMetrics?: boolean;
}

const log = logOf('http');

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function requestError(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  noteErrorCode(code);
  recordGraphqlError(code);
  sendJson(res, status, { errors: [{ message, extensions: { ...extensions, code } }] });
}

/** The operation text of a request, wherever it is (a JSON body or, for GET, the URL). */
function queryText(body: unknown, url: URL): string | undefined {
  const query =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as { query?: unknown }).query : url.searchParams.get('query');
  return typeof query === 'string' ? query : undefined;
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function wantsHtml(req: IncomingMessage): boolean {
  return req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
}

const wantsEventStream = (req: IncomingMessage): boolean => (req.headers.accept ?? '').includes('text/event-stream');

/** The GraphQL request of a JSON body or, for GET, of the URL (graphql-sse's parameters). */
function subscribePayload(body: unknown, url: URL): SubscribePayload | undefined {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as SubscribePayload;
  const query = url.searchParams.get('query');
  if (query === null) return undefined;
  const variables = url.searchParams.get('variables');
  return { query, operationName: url.searchParams.get('operationName'), variables: variables ? (JSON.parse(variables) as never) : null };
}

const defaultPage =
  (title: string): Route =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(explorerPage(title));
  };

/**
 * Serves an Apollo Server on plain `node:http` (Apollo Server 5 ships no HTTP framework binding of its own):
 * `/graphql` for operations, `/` for the offline explorer page, plus the given routes.
 */
export function createHttpHandler<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  options: HttpHandlerOptions<TContext>,
): (req: IncomingMessage, res: ServerResponse) => void {
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  const routes: Readonly<Record<string, Route>> = { ...(options.exposeMetrics ? { '/metrics': metricsRoute } : {}), ...options.routes };
  const handle = async (req: IncomingMessage, res: ServerResponse, url: URL, route: Route | undefined): Promise<void> => {
    if (options.cors) {
      if (req.method === 'OPTIONS') return options.cors.preflight(req, res);
      const allowed = options.cors.apply(req, res);
      // A browser lets a page read an event stream only through CORS, but the stream would still be
      // opened (and its subscription run): refused outright, as a WebSocket from that origin is.
      if (!allowed && url.pathname === '/graphql' && wantsEventStream(req))
        return requestError(
          res,
          403,
          ErrorCode.FORBIDDEN,
          `L'origine ${req.headers.origin ?? ''} n'est pas autorisée (FEDERESS_CORS_ORIGINS).`,
        );
    }
    if (route) return route(req, res);
    const page = options.page ?? defaultPage(options.title);
    if (page && (url.pathname === '/' || (url.pathname === '/graphql' && wantsHtml(req)))) return page(req, res);
    if (url.pathname !== '/graphql')
      return requestError(res, 404, ErrorCode.NOT_FOUND, `Rien à ${url.pathname} : l'API GraphQL est à /graphql.`);

    const trusted = options.trustedCaller?.(req) ?? false;
    const refused = trusted ? undefined : options.rateLimiter?.check(req);
    if (refused) {
      res.setHeader('retry-after', String(refused.retryAfterSeconds));
      // The body is not read: drain it without buffering, and close so the client stops sending.
      res.setHeader('connection', 'close');
      req.resume();
      return requestError(res, 429, ErrorCode.RATE_LIMITED, refused.message, { retryAfterSeconds: refused.retryAfterSeconds });
    }

    let body: unknown;
    try {
      const text = await readBody(req, limit);
      const json = (req.headers['content-type'] ?? '').includes('application/json');
      body = json && text.length > 0 ? JSON.parse(text) : text;
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        // The rest of the body is never read: the connection cannot carry another request.
        res.setHeader('connection', 'close');
        recordLimitRefusal('body_size');
        return requestError(res, 413, ErrorCode.BAD_REQUEST, `Requête trop volumineuse : ${limit} octets au plus.`);
      }
      return requestError(res, 400, ErrorCode.BAD_REQUEST, 'Corps de requête illisible : JSON attendu.');
    }
    let stream: SubscribePayload | undefined;
    try {
      stream = options.eventStream && wantsEventStream(req) ? subscribePayload(body, url) : undefined;
    } catch {
      return requestError(res, 400, ErrorCode.BAD_REQUEST, 'Paramètre variables illisible : JSON attendu.');
    }
    // Counted before Apollo parses: a document of a million tokens is refused after lexing a few thousand.
    const query = queryText(body, url);
    const tooLong =
      !trusted && options.maxTokens !== undefined && query !== undefined
        ? checkTokens(query, options.maxTokens, options.maxCharacters)
        : undefined;
    if (tooLong)
      return requestError(res, 400, tooLong.extensions.code as ErrorCode, tooLong.message, {
        limit: tooLong.extensions.limit,
        actual: tooLong.extensions.actual,
      });

    if (stream && options.eventStream) {
      // A live feed over SSE is one long request, counted and logged when it ends.
      const scope = currentRequest();
      if (scope) {
        scope.operation = stream.operationName ?? '';
        scope.type = 'subscription';
      }
      return options.eventStream.serve(req, res, stream);
    }

    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    // A GET can only carry a query (Apollo refuses a mutation over GET with 405): it cannot change
    // anything, so the CSRF prevention, which a link or a <script> could never satisfy, does not
    // apply. Mutations stay POST-only and CSRF-checked.
    if (req.method === 'GET') headers.set('apollo-require-preflight', 'true');
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
      context: () => options.context(req),
    });
    for (const [name, value] of result.headers) res.setHeader(name, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  };
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = routes[url.pathname] ?? options.routeOf?.(url.pathname);
    options.drain?.track(res);
    const scope = observeRequest(req, res, url.pathname, route !== undefined);
    void runInRequest(scope, () =>
      handle(req, res, url, route).catch((error: unknown) => {
        // The mode is not known here: logged as in production, where a database fault's message stays out.
        log.error('request failed', { error: describeInternalError(error, 'production') });
        if (!res.headersSent) requestError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Erreur interne du serveur.');
        else res.end();
      }),
    );
  };
}
