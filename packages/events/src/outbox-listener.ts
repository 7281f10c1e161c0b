import { logOf } from '@federess/observability';
import { Client } from 'pg';
import { OUTBOX_CHANNEL, OUTBOX_COLUMNS, type OutboxEvent, type OutboxRow, fromRow } from './outbox-event';

export interface OutboxListenerOptions {
  readonly databaseUrl: string;
  /** Safety-net poll in ms (default 5000): catches up should a notification be missed around a reconnection. */
  readonly pollIntervalMs?: number;
  /** Delay before reconnecting a lost listening connection, in ms (default 500). */
  readonly reconnectDelayMs?: number;
  /** Rows read per catch-up statement (default 500). */
  readonly batchSize?: number;
  /**
   * The longest a statement of the listening connection may take (default: unbounded). With a short
   * poll it bounds how long a connection that died silently goes unnoticed: its next poll fails.
   */
  readonly queryTimeoutMs?: number;
  /**
   * Told `false` as soon as the listening connection is lost (notifications may be missed from then
   * on), and `true` once a new one listens and has caught up with what was committed meanwhile.
   */
  readonly onListening?: (listening: boolean) => void;
  /** The Postgres application_name of the listening connection (default `federess-outbox-listener`), to tell it in pg_stat_activity. */
  readonly applicationName?: string;
  /**
   * Told the id of each event NOTIFY announces, as soon as the announcement arrives (at its commit),
   * before the event itself is read: a consumer may stop trusting what the event may change from then on.
   */
  readonly onAnnounced?: (eventId: bigint) => void;
}

export type EventHandler = (event: OutboxEvent) => void;

/**
 * Listens to the outbox of one database: every replica of the subgraph runs one, so a change written
 * through any replica reaches the subscribers of all of them. Notifications only say "something was
 * committed"; the listener then reads every event after the last one it dispatched, in id order, so
 * handlers see each event once and in order, even if notifications are coalesced or lost.
 */
export class OutboxListener {
  private client: Client | undefined;
  private headId = 0n;
  private readonly handlers = new Set<EventHandler>();
  private draining: Promise<void> = Promise.resolve();
  private drainQueued = false;
  private poll: NodeJS.Timeout | undefined;
  private stopped = false;
  private reconnecting = false;

  constructor(private readonly options: OutboxListenerOptions) {}

  /** The id of the last event dispatched (events up to it are in the past for new subscribers). */
  get head(): string {
    return this.headId.toString();
  }

  async start(): Promise<void> {
    await this.connect();
    // Past events are those already committed, or purged (ids never go back below the purge mark).
    const { rows } = await this.client!.query<{ head: string | null }>(
      'SELECT GREATEST((SELECT max(id) FROM evenement), purge_jusqua)::text AS head FROM evenement_retention',
    );
    this.headId = BigInt(rows[0]?.head ?? '0');
    this.poll = setInterval(() => this.requestDrain(), this.options.pollIntervalMs ?? 5000);
    this.poll.unref();
  }

  /** How many handlers are subscribed: each open stream holds exactly one, so a leak shows here. */
  get subscriberCount(): number {
    return this.handlers.size;
  }

  subscribe(handler: EventHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.options.databaseUrl,
      keepAlive: true,
      application_name: this.options.applicationName ?? 'federess-outbox-listener',
      ...(this.options.queryTimeoutMs ? { query_timeout: this.options.queryTimeoutMs } : {}),
    });
    client.on('notification', (message) => {
      if (this.options.onAnnounced && message.payload && /^\d+$/.test(message.payload)) this.options.onAnnounced(BigInt(message.payload));
      this.requestDrain();
    });
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.client = client;
  }

  /** Replaces a lost listening connection, retrying until it succeeds, then catches up. */
  private reconnect(lost: Client): void {
    if (this.stopped || this.reconnecting || this.client !== lost) return;
    this.reconnecting = true;
    this.client = undefined;
    this.options.onListening?.(false);
    lost.end().catch(() => undefined);
    const attempt = () => {
      if (this.stopped) return;
      this.connect().then(
        () => {
          this.reconnecting = false;
          this.requestDrain();
          void this.draining.then(() => {
            if (this.client && !this.stopped) this.options.onListening?.(true);
          });
        },
        () => setTimeout(attempt, this.options.reconnectDelayMs ?? 500).unref(),
      );
    };
    setTimeout(attempt, this.options.reconnectDelayMs ?? 500).unref();
  }

  /** Coalesces notifications: at most one catch-up runs, and at most one more is queued. */
  private requestDrain(): void {
    if (this.drainQueued || this.stopped) return;
    this.drainQueued = true;
    this.draining = this.draining
      .then(async () => {
        this.drainQueued = false;
        await this.drain();
      })
      .catch((error: unknown) => {
        logOf('events').error(`catch-up failed: ${(error as Error).message}`);
        // A statement that failed on the listening connection (a timeout on a dead one): replace it.
        if (this.client) this.reconnect(this.client);
      });
  }

  private async drain(): Promise<void> {
    const batch = this.options.batchSize ?? 500;
    for (;;) {
      const client = this.client;
      if (!client || this.stopped) return;
      const { rows } = await client.query<OutboxRow>(
        `SELECT ${OUTBOX_COLUMNS} FROM evenement WHERE id > $1 ORDER BY evenement.id LIMIT $2`,
        [this.headId.toString(), batch],
      );
      for (const row of rows) {
        const event = fromRow(row);
        this.headId = BigInt(event.id);
        for (const handler of this.handlers) handler(event);
      }
      if (rows.length < batch) return;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    await this.draining;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
