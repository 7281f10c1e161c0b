import { OutboxListener } from '@federess/events';
import type { AnswerCache } from './answer-cache';
import { logOf } from '@federess/observability';

export interface ChangeFeedOptions {
  /** Safety-net poll of each listening connection, ms (default 1000): a connection that died silently fails its next poll. */
  readonly pollIntervalMs?: number;
  /** Bound on each statement of a listening connection, ms (default 2000). */
  readonly queryTimeoutMs?: number;
  /** Delay between attempts to (re)connect, ms (default 500). */
  readonly retryDelayMs?: number;
}

/** When an event was announced, and when the last one was applied (epoch ms): a replica's stale window, as /health shows it. */
interface Timings {
  announced?: { event: string; at: number };
  applied?: { event: string; at: number };
  /** The highest id announced: the hold is released once the events up to it are applied. */
  awaited: bigint;
}

/**
 * The gateway hears each subgraph's change events as its replicas do: a LISTEN connection to the
 * subgraph's own database (NOTIFY at commit), then every event read in id order. Each event evicts
 * what it names in that subgraph's part of the cache; while a connection is lost the subgraph's part
 * is emptied and bypassed, until a new one listens and has caught up.
 */
export class ChangeFeeds {
  private readonly listeners = new Map<string, OutboxListener>();
  /** How many times each subgraph's listening connection was lost. */
  private readonly losses = new Map<string, number>();
  private readonly timings = new Map<string, Timings>();
  private stopped = false;

  constructor(
    private readonly cache: AnswerCache,
    private readonly databaseUrls: Readonly<Record<string, string | undefined>>,
    private readonly options: ChangeFeedOptions = {},
  ) {}

  /** Starts listening to every subgraph with a database; resolves once each has listened or failed once (then retries alone). */
  async start(): Promise<void> {
    await Promise.all(Object.entries(this.databaseUrls).map(([subgraph, url]) => (url ? this.listen(subgraph, url) : Promise.resolve())));
  }

  private async listen(subgraph: string, databaseUrl: string): Promise<void> {
    const timings: Timings = { awaited: 0n };
    this.timings.set(subgraph, timings);
    const listener: OutboxListener = new OutboxListener({
      databaseUrl,
      pollIntervalMs: this.options.pollIntervalMs ?? 1000,
      queryTimeoutMs: this.options.queryTimeoutMs ?? 2000,
      reconnectDelayMs: this.options.retryDelayMs ?? 500,
      applicationName: 'federess-gateway-cache',
      // The change is committed: until its event is read, nothing it may have changed is served.
      onAnnounced: (event) => {
        if (event <= BigInt(listener.head)) return;
        timings.announced = { event: event.toString(), at: Date.now() };
        if (event > timings.awaited) timings.awaited = event;
        this.cache.hold(subgraph);
      },
      onListening: (listening) => {
        if (listening) {
          this.heard(subgraph, listener);
          return this.releaseIfCaughtUp(subgraph, timings, listener);
        }
        this.losses.set(subgraph, (this.losses.get(subgraph) ?? 0) + 1);
        this.cache.deaf(subgraph);
      },
    });
    listener.subscribe((event) => {
      this.cache.evict(subgraph, [...event.entites, ...event.listes]);
      this.cache.applied(subgraph, event.id);
      timings.applied = { event: event.id, at: Date.now() };
      this.releaseIfCaughtUp(subgraph, timings, listener);
    });
    this.listeners.set(subgraph, listener);
    await this.attempt(subgraph, listener, timings);
  }

  /**
   * Ends the hold once every event announced is behind the listener: read and applied, or committed
   * before it started (an announcement heard while it started is of an event it counts as past).
   */
  private releaseIfCaughtUp(subgraph: string, timings: Timings, listener: OutboxListener): void {
    if (timings.awaited <= BigInt(listener.head)) this.cache.release(subgraph);
  }

  /** One attempt to start listening; on failure, another later, in the background. */
  private async attempt(subgraph: string, listener: OutboxListener, timings: Timings): Promise<void> {
    try {
      await listener.start();
      this.releaseIfCaughtUp(subgraph, timings, listener);
      if (!this.stopped) this.heard(subgraph, listener);
    } catch (error) {
      logOf('cache').error(`cannot listen to the change events of ${subgraph}: ${(error as Error).message}; its answers are not cached`);
      if (!this.stopped) setTimeout(() => void this.attempt(subgraph, listener, timings), this.options.retryDelayMs ?? 500).unref();
    }
  }

  /** The subgraph's events are heard, every one up to the listener's head applied (earlier ones: before it listened, or caught up). */
  private heard(subgraph: string, listener: OutboxListener): void {
    this.cache.applied(subgraph, listener.head);
    this.cache.listening(subgraph);
  }

  /**
   * Per subgraph: whether its events are heard, the id of the last one applied, how often its
   * connection was lost, and when (epoch ms, this machine's clock) the last event was announced
   * (from then on nothing it changed is served) and the last one applied (its tags evicted).
   */
  status(): Record<
    string,
    { listening: boolean; lastEvent: string; losses: number; announced?: Timings['announced']; applied?: Timings['applied'] }
  > {
    return Object.fromEntries(
      [...this.listeners].map(([subgraph, listener]) => {
        const { announced, applied } = this.timings.get(subgraph) ?? { awaited: 0n };
        return [
          subgraph,
          {
            listening: this.cache.isListening(subgraph),
            lastEvent: listener.head,
            losses: this.losses.get(subgraph) ?? 0,
            ...(announced ? { announced } : {}),
            ...(applied ? { applied } : {}),
          },
        ];
      }),
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.listeners.values()].map((listener) => listener.stop()));
  }
}
