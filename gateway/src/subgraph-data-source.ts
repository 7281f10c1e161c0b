import * as http from 'node:http';
import * as https from 'node:https';
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { GATEWAY_HEADER } from '@federess/auth';
import { ClientError, ErrorCode } from '@federess/server-kit';
import { type DocumentNode, GraphQLError, Kind } from 'graphql';
import type { GatewayContext } from './context';

type ProcessOptions = Parameters<RemoteGraphQLDataSource<GatewayContext>['process']>[0];
type ProcessResult = ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']>;
type GatewayResponse = Awaited<ProcessResult>;
/** The options of a fetch of a client operation (not a health check or a schema load): its plan's document, its request context. */
type IncomingOptions = Extract<ProcessOptions, { incomingRequestContext: unknown }>;
const INCOMING_OPERATION = 'incoming operation' as IncomingOptions['kind'];
const incoming = (options: ProcessOptions): IncomingOptions | undefined => (options.kind === INCOMING_OPERATION ? (options as IncomingOptions) : undefined);

function isGraphQLErrorBody(body: unknown): body is { errors: { message: string }[] } {
  return typeof body === 'object' && body !== null && Array.isArray((body as { errors?: unknown }).errors);
}

/** What a subgraph answered, before parsing: shared by the callers of one deduplicated fetch, each parsing its own copy. */
interface RawAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly contentType: string;
  readonly cacheControl: string | undefined;
  readonly text: string;
}

class SubgraphTimeout extends Error {
  override readonly name = 'TimeoutError';
}

/** Whether the fetch is a query (the only operations whose identical in-flight copies may share one call). */
function isQuery(document: DocumentNode | undefined, query: string): boolean {
  const operation = document?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operation) return operation.operation === 'query';
  return /^\s*(query\b|\{)/.test(query);
}

/** Apollo's reading of a Cache-Control header (as @apollo/gateway's RemoteGraphQLDataSource does). */
function parseCacheControl(header: string | undefined): Record<string, string | true> {
  const directives: Record<string, string | true> = {};
  if (!header) return directives;
  for (const part of header.trim().split(/\s*,\s*/)) {
    const [key, value] = part.split(/\s*=\s*/, 2);
    if (key) directives[key] = value === undefined ? true : value.replace(/^"|"$/g, '');
  }
  return directives;
}

/**
 * How the gateway calls one subgraph: forwards the caller's Authorization header (every subgraph
 * checks it again), proves it is the gateway with the shared secret header, bounds the call with a timeout, and turns a subgraph that cannot be reached into
 * a SUBGRAPH_UNAVAILABLE error naming it, so the response still carries the other subgraphs' data.
 *
 * Calls go over `node:http` with a keep-alive agent (one pool per subgraph), not through a fetch
 * implementation: on a gateway whose work is mostly calling subgraphs, fetch's web streams and
 * header objects cost more CPU than the calls themselves. Identical queries in flight at the same
 * moment (same subgraph, same document and variables, same headers, so the same caller) share one
 * call, as Hive Gateway does by default: each caller still gets its own parsed copy of the answer.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly target: URL;
  private readonly agent: http.Agent;
  private readonly inflight = new Map<string, Promise<RawAnswer>>();

  constructor(
    private readonly subgraphName: string,
    url: string,
    private readonly timeoutMs: number,
    private readonly gatewaySecret: string,
  ) {
    super({ url });
    this.target = new URL(url);
    const Agent = this.target.protocol === 'https:' ? https.Agent : http.Agent;
    this.agent = new Agent({ keepAlive: true, scheduling: 'lifo' });
  }

  /** The headers of a call: those the plan adds (e.g. tracing), JSON, the caller's token, the gateway's proof. */
  private headersOf(options: ProcessOptions): Record<string, string> {
    const headers: Record<string, string> = {};
    const planned = options.request.http?.headers as Iterable<[string, string]> | undefined;
    if (planned) for (const [name, value] of planned) headers[name.toLowerCase()] = value;
    headers['content-type'] = 'application/json';
    const authorization = options.context?.authorization;
    if (authorization) headers.authorization = authorization;
    headers[GATEWAY_HEADER] = this.gatewaySecret;
    return headers;
  }

  override async process(options: ProcessOptions): ProcessResult {
    const { request } = options;
    if (!request.query) throw new Error('Missing query');
    try {
      const headers = this.headersOf(options);
      const { http: _http, ...payload } = request;
      const body = JSON.stringify(payload);
      const answer = await this.call(body, headers, isQuery(incoming(options)?.document, request.query));
      const response = this.parse(answer);
      this.restrictCachePolicy(options, answer.cacheControl);
      return response;
    } catch (error) {
      if (error instanceof ClientError) throw error;
      // A subgraph that answers with a non-2xx status and a GraphQL body (400 for a variable its own
      // scalar refuses) is reachable: its errors, with their codes, are the answer.
      const body = (error as { extensions?: { response?: { body?: unknown } } }).extensions?.response?.body;
      if (isGraphQLErrorBody(body)) return { errors: body.errors } as GatewayResponse;
      const timedOut = /timeout|aborted/i.test(String((error as Error).message ?? error)) || (error as Error).name === 'TimeoutError';
      console.error(`[gateway] subgraph ${this.subgraphName} ${timedOut ? 'timed out' : 'unreachable'}: ${(error as Error).message}`);
      const reason = timedOut ? `n'a pas répondu en ${this.timeoutMs} ms` : 'est injoignable';
      throw new ClientError(ErrorCode.SUBGRAPH_UNAVAILABLE, `Le sous-graphe ${this.subgraphName} ${reason} : ses champs manquent dans cette réponse.`, {
        serviceName: this.subgraphName,
      });
    }
  }

  /** One call, or, for a query, the identical one already in flight. */
  private call(body: string, headers: Record<string, string>, query: boolean): Promise<RawAnswer> {
    if (!query) return this.send(body, headers, false);
    const key = `${JSON.stringify(headers)}\n${body}`;
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const sent = this.send(body, headers, true).finally(() => this.inflight.delete(key));
    this.inflight.set(key, sent);
    return sent;
  }

  private send(body: string, headers: Record<string, string>, idempotent: boolean): Promise<RawAnswer> {
    return new Promise<RawAnswer>((resolve, reject) => {
      const payload = Buffer.from(body, 'utf8');
      const req = (this.target.protocol === 'https:' ? https : http).request(this.target, {
        method: 'POST',
        agent: this.agent,
        headers: { ...headers, 'content-length': String(payload.length) },
      });
      const timer = setTimeout(() => req.destroy(new SubgraphTimeout(`timeout after ${this.timeoutMs} ms`)), this.timeoutMs);
      const fail = (error: Error) => {
        clearTimeout(timer);
        // A kept-alive socket the subgraph closed just as it was reused: a query is safe to send again.
        if (idempotent && req.reusedSocket && (error as NodeJS.ErrnoException).code === 'ECONNRESET') {
          this.send(body, headers, false).then(resolve, reject);
        } else reject(error);
      };
      req.once('error', fail);
      req.once('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.once('error', fail);
        res.once('end', () => {
          clearTimeout(timer);
          const cacheControl = res.headers['cache-control'];
          resolve({
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? '',
            contentType: res.headers['content-type'] ?? '',
            cacheControl: Array.isArray(cacheControl) ? cacheControl.join(', ') : cacheControl,
            text: chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'),
          });
        });
      });
      req.end(payload);
    });
  }

  /** This caller's own copy of an answer; a non-2xx status is an error carrying the body (as Apollo's data source does). */
  private parse(answer: RawAnswer): GatewayResponse {
    const json = answer.contentType.startsWith('application/json') || answer.contentType.startsWith('application/graphql-response+json');
    let body: unknown = answer.text;
    if (json) {
      try {
        body = JSON.parse(answer.text);
      } catch (error) {
        if (answer.status >= 200 && answer.status < 300) throw error;
      }
    }
    if (answer.status < 200 || answer.status >= 300) {
      throw new GraphQLError(`${answer.status}: ${answer.statusText}`, {
        extensions: {
          response: { url: this.url, status: answer.status, statusText: answer.statusText, body },
          ...(answer.status === 401 ? { code: 'UNAUTHENTICATED' } : answer.status === 403 ? { code: 'FORBIDDEN' } : {}),
        },
      });
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error(`Expected JSON response body, but received: ${answer.text.slice(0, 200)}`);
    return body as GatewayResponse;
  }

  /** The subgraph's Cache-Control restricts the operation's overall cache policy, as in Apollo's data source. */
  private restrictCachePolicy(options: ProcessOptions, header: string | undefined): void {
    const operation = incoming(options);
    if (!this.honorSubgraphCacheControlHeader || !operation) return;
    const policy = operation.incomingRequestContext.overallCachePolicy as { restrict?: (hint: { maxAge?: number; scope?: 'PUBLIC' | 'PRIVATE' }) => void } | undefined;
    if (!policy || typeof policy.restrict !== 'function') return;
    const parsed = parseCacheControl(header);
    const hint: { maxAge: number; scope?: 'PUBLIC' | 'PRIVATE' } = { maxAge: 0 };
    const maxAge = parsed['max-age'];
    if (typeof maxAge === 'string' && /^[0-9]+$/.test(maxAge)) hint.maxAge = Number(maxAge);
    if (parsed.private === true) hint.scope = 'PRIVATE';
    if (parsed.public === true) hint.scope = 'PUBLIC';
    policy.restrict(hint);
  }
}
