import { recordUpstreamReconnection } from '@federess/observability';
import { ErrorCode } from '@federess/server-kit';
import { type Client, CloseCode, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { RESUME_ARGUMENT, resumeAfter } from '@federess/server-kit';
import { EVENT_ID_KEY } from './supergraph-planner';
import { isClientCaused, type UpstreamError } from './upstream-errors';

/** Close codes of the graphql-ws protocol that mean the request itself is wrong: retrying cannot help. */
const FATAL_CLOSE_CODES = new Set<number>([
  CloseCode.BadRequest,
  CloseCode.Unauthorized,
  CloseCode.Forbidden,
  CloseCode.SubprotocolNotAcceptable,
  CloseCode.SubscriberAlreadyExists,
  CloseCode.TooManyInitialisationRequests,
]);

export interface UpstreamOptions {
  /**
   * The subgraph's graphql-ws URL (ws://…/graphql); a function is asked again at each connection, so
   * that a reconnection goes to another replica when there are several.
   */
  readonly url: string | (() => string);
  /** The primary fetch operation of the plan. */
  readonly operation: string;
  readonly variables: Record<string, unknown>;
  /**
   * Sent as graphql-ws connectionParams (the caller's authorization, the gateway's secret); a
   * function is asked again at each reconnection, so a reconnection can carry a fresher token.
   */
  readonly connectionParams: Record<string, unknown> | (() => Record<string, unknown>);
  /** The response key of the root field, whose `EVENT_ID_KEY` is the event id. */
  readonly rootKey: string;
  readonly onEvent: (data: Record<string, unknown>) => void;
  /** The upstream refused the subscription (bad arguments, expired `apres`, …): no retry. */
  readonly onFatalError: (errors: readonly UpstreamError[]) => void;
  /** First reconnection delay in ms (default 100), doubled each failed attempt up to `maxBackoffMs` (default 5000). */
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** graphql-ws keep-alive ping interval in ms (default 10000). */
  readonly keepAliveMs?: number;
  /** A ping unanswered for this long (ms, default 5000) means a dead upstream: the socket is dropped. */
  readonly pongTimeoutMs?: number;
}

/**
 * One subscription to a subgraph that survives its connection: when the socket drops (or stops
 * answering pings) it reconnects with exponential backoff and resubscribes after the last event it
 * delivered (`apres`), so the stream it emits has no gap and no duplicate. On the first connection
 * without a client `apres`, it starts after the head the subgraph announces in its connection_ack,
 * for the same reason.
 */
export class UpstreamSubscription {
  private client: Client | undefined;
  private unsubscribe: (() => void) | undefined;
  private stopped = false;
  private attempts = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private pongTimer: NodeJS.Timeout | undefined;
  /** The id of the last event delivered, where a reconnection resumes. */
  lastEventId: string | undefined;
  /** Where the stream started (the client's `apres`, or the head announced at the first connection); undefined before it. */
  startedAfter: string | undefined;
  /** How many times the upstream connection has been (re)established. */
  connections = 0;
  /** Whether the upstream connection is established now (events from then on are not missed). */
  connected = false;
  /** When the current connection was established (ms): events committed before it are replayed ones. */
  connectedAtMs = 0;

  constructor(
    private readonly options: UpstreamOptions,
    initialAfter: string | undefined,
  ) {
    this.lastEventId = initialAfter;
  }

  start(): void {
    if (this.stopped) return;
    let socket: WebSocket | undefined;
    // A disposed client can still report its socket closing after its replacement started: only the
    // current client's callbacks may act, or an old `closed` would tear the new connection down.
    const current = () => this.client === client;
    const client = createClient({
      url: this.options.url,
      webSocketImpl: WebSocket,
      connectionParams: this.options.connectionParams,
      lazy: false,
      retryAttempts: 0,
      keepAlive: this.options.keepAliveMs ?? 10_000,
      // The first connection failing is handled by `closed` (a reconnection), not logged as fatal.
      onNonLazyError: () => undefined,
      on: {
        opened: (opened) => {
          if (current()) socket = opened as WebSocket;
        },
        connected: (_socket, payload) => {
          if (!current()) return;
          this.connections += 1;
          if (this.connections > 1) recordUpstreamReconnection();
          this.connected = true;
          this.connectedAtMs = Date.now();
          const head = (payload as { dernierEvenementId?: unknown } | undefined)?.dernierEvenementId;
          if (this.lastEventId === undefined && typeof head === 'string') this.lastEventId = head;
          this.startedAfter ??= this.lastEventId;
          this.subscribe(client, current);
        },
        // graphql-ws only pings; a half-open socket (upstream host gone) would never close by itself.
        ping: (received) => {
          if (received || !current()) return;
          this.clearPongTimer();
          this.pongTimer = setTimeout(() => socket?.terminate(), this.options.pongTimeoutMs ?? 5000);
        },
        pong: (received) => {
          if (received && current()) this.clearPongTimer();
        },
        closed: (event) => {
          if (current()) this.onClosed(event as { code?: number; reason?: string });
        },
        error: () => {
          if (current()) this.onClosed({});
        },
      },
    });
    this.client = client;
  }

  private subscribe(client: Client, current: () => boolean): void {
    const query = this.lastEventId === undefined ? this.options.operation : resumeAfter(this.options.operation, this.lastEventId);
    this.unsubscribe = client.subscribe<Record<string, unknown>>(
      { query, variables: this.options.variables },
      {
        next: (result) => {
          if (!current()) return;
          const payload = result.data?.[this.options.rootKey] as Record<string, unknown> | undefined;
          if (!result.data || !payload) {
            if (result.errors?.length) this.refused(result.errors);
            return;
          }
          this.attempts = 0;
          const id = payload[EVENT_ID_KEY];
          if (typeof id === 'string') this.lastEventId = id;
          this.options.onEvent(result.data);
        },
        error: (error) => {
          if (current() && Array.isArray(error)) this.refused(error as UpstreamError[]);
          // Socket-level errors arrive through `closed` as well, which schedules the reconnection.
        },
        // The subgraph ended the stream without the client asking (it is shutting down, or it refused
        // the subscription just before): resubscribe, after the last event delivered.
        complete: () => {
          if (current()) this.scheduleReconnect();
        },
      },
    );
  }

  /** The upstream refused the subscription: final if the request is at fault, else retried. */
  private refused(errors: readonly UpstreamError[]): void {
    if (isClientCaused(errors)) this.fail(errors);
    else this.scheduleReconnect();
  }

  private onClosed(event: { code?: number; reason?: string }): void {
    this.connected = false;
    this.clearPongTimer();
    if (this.stopped) return;
    if (event.code === CloseCode.Forbidden) {
      // The subgraph refused the token at (re)connection: typically every subscriber's token expired.
      this.fail([
        {
          message: "Le sous-graphe a refusé le jeton de l'abonnement (expiré ?) : reprenez avec un jeton valide et `apres`.",
          extensions: { code: ErrorCode.UNAUTHENTICATED },
        },
      ]);
      return;
    }
    if (event.code !== undefined && FATAL_CLOSE_CODES.has(event.code)) {
      this.fail([
        {
          message: `Le sous-graphe a fermé l'abonnement (${event.code} ${event.reason ?? ''})`.trim(),
          extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE },
        },
      ]);
      return;
    }
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retryTimer) return;
    this.dispose();
    const initial = this.options.initialBackoffMs ?? 100;
    const max = this.options.maxBackoffMs ?? 5000;
    const delay = Math.min(max, initial * 2 ** this.attempts) * (0.5 + Math.random() / 2);
    this.attempts += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.start();
    }, delay);
  }

  private fail(errors: readonly UpstreamError[]): void {
    if (this.stopped) return;
    this.stop();
    this.options.onFatalError(errors);
  }

  private clearPongTimer(): void {
    if (this.pongTimer) clearTimeout(this.pongTimer);
    this.pongTimer = undefined;
  }

  private dispose(): void {
    this.connected = false;
    this.clearPongTimer();
    const unsubscribe = this.unsubscribe;
    const client = this.client;
    // Forgotten first, so that whatever disposing makes it report is ignored (see `current`).
    this.unsubscribe = undefined;
    this.client = undefined;
    unsubscribe?.();
    // Disposing a client whose socket already failed rejects with that failure: nothing to act on.
    if (client) Promise.resolve(client.dispose()).catch(() => undefined);
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.dispose();
  }
}

export { RESUME_ARGUMENT };
