import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { RESUME_ARGUMENT, resumeAfter } from './resume-operation';

/** Close codes of the graphql-ws protocol that mean the request itself is wrong: retrying cannot help. */
const FATAL_CLOSE_CODES = new Set([4400, 4401, 4403, 4406, 4409, 4429]);

export interface UpstreamOptions {
  /** The subgraph's graphql-ws URL (ws://…/graphql). */
  readonly url: string;
  /** The primary fetch operation of the plan. */
  readonly operation: string;
  readonly variables: Record<string, unknown>;
  /**
   * Sent as graphql-ws connectionParams (the caller's authorization, the gateway's secret); a
   * function is asked again at each reconnection, so a reconnection can carry a fresher token.
   */
  readonly connectionParams: Record<string, unknown> | (() => Record<string, unknown>);
  /** The response key of the root field, whose `id` is the event id. */
  readonly rootKey: string;
  readonly onEvent: (data: Record<string, unknown>) => void;
  /** The upstream refused the subscription (bad arguments, expired `apres`, …): no retry. */
  readonly onFatalError: (errors: readonly { message: string; extensions?: Record<string, unknown> }[]) => void;
  /** First reconnection delay in ms (default 100), doubled each failed attempt up to `maxBackoffMs` (default 5000). */
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** graphql-ws keep-alive ping interval in ms (default 10000): a silent dead socket is noticed. */
  readonly keepAliveMs?: number;
}

/**
 * One subscription to a subgraph that survives its connection: when the socket drops it reconnects
 * with exponential backoff and resubscribes after the last event it delivered (`apres`), so the
 * stream it emits has no gap and no duplicate. On the first connection without a client `apres`, it
 * starts after the head the subgraph announces in its connection_ack, for the same reason.
 */
export class UpstreamSubscription {
  private client: Client | undefined;
  private unsubscribe: (() => void) | undefined;
  private stopped = false;
  private attempts = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  /** The id of the last event delivered, where a reconnection resumes. */
  lastEventId: string | undefined;
  /** How many times the upstream connection has been (re)established. */
  connections = 0;

  constructor(
    private readonly options: UpstreamOptions,
    initialAfter: string | undefined,
  ) {
    this.lastEventId = initialAfter;
  }

  start(): void {
    if (this.stopped) return;
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
        connected: (_socket, payload) => {
          this.connections += 1;
          const head = (payload as { dernierEvenementId?: unknown } | undefined)?.dernierEvenementId;
          if (this.lastEventId === undefined && typeof head === 'string') this.lastEventId = head;
          this.subscribe(client);
        },
        closed: (event) => this.onClosed(event as { code?: number; reason?: string }),
        error: () => this.onClosed({}),
      },
    });
    this.client = client;
  }

  private subscribe(client: Client): void {
    const query = this.lastEventId === undefined ? this.options.operation : resumeAfter(this.options.operation, this.lastEventId);
    this.unsubscribe = client.subscribe<Record<string, unknown>>(
      { query, variables: this.options.variables },
      {
        next: (result) => {
          const payload = result.data?.[this.options.rootKey] as { id?: unknown } | undefined;
          if (!result.data || !payload) {
            if (result.errors?.length) this.fail(result.errors);
            return;
          }
          this.attempts = 0;
          if (typeof payload.id === 'string') this.lastEventId = payload.id;
          this.options.onEvent(result.data);
        },
        error: (error) => {
          if (Array.isArray(error)) this.fail(error as { message: string }[]);
          // Socket-level errors arrive through `closed` as well, which schedules the reconnection.
        },
        complete: () => undefined,
      },
    );
  }

  private onClosed(event: { code?: number; reason?: string }): void {
    if (this.stopped) return;
    if (event.code === 4403) {
      // The subgraph refused the token at (re)connection: typically every subscriber's token expired.
      this.fail([{ message: "Le sous-graphe a refusé le jeton de l'abonnement (expiré ?) : reprenez avec un jeton valide et `apres`.", extensions: { code: 'UNAUTHENTICATED' } }]);
      return;
    }
    if (event.code !== undefined && FATAL_CLOSE_CODES.has(event.code)) {
      this.fail([{ message: `Le sous-graphe a fermé l'abonnement (${event.code} ${event.reason ?? ''})`.trim(), extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }]);
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

  private fail(errors: readonly { message: string; extensions?: Record<string, unknown> }[]): void {
    if (this.stopped) return;
    this.stop();
    this.options.onFatalError(errors);
  }

  private dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    const client = this.client;
    this.client = undefined;
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
