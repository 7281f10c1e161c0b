import { DeliveryLag, recordLiveDelivery } from '@federess/observability';
import type { OutboxEvent } from './outbox-event';
import type { OutboxListener } from './outbox-listener';
import type { ReplayBatch } from './replay';

/** A subscriber fell more than `maxPending` live events behind: it is ended, and resumes with `apres`. */
export class SlowConsumerError extends Error {
  readonly reason = 'SLOW_CONSUMER';
  constructor(readonly maxPending: number) {
    super(`Client trop lent : plus de ${maxPending} événements en attente. Réabonnez-vous avec apres.`);
    this.name = 'SlowConsumerError';
  }
}

/** Reads the next replay batch after an id (see readReplayBatch). */
export type ReadBatch = (after: bigint) => Promise<ReplayBatch>;

const DONE: IteratorResult<OutboxEvent> = { value: undefined, done: true };

/**
 * One subscriber's stream, as an explicit async iterator rather than a generator: graphql-ws calls
 * `return()` on a stream that has not started, or that waits for an event, and a generator would run
 * neither its `finally` (not started) nor its `return()` (until the awaited event comes). Here
 * `return()` unsubscribes at once and ends a pending `next()`.
 *
 * The handler is registered once, in the constructor, before the replay reads anything. While
 * replaying, live events are not buffered: the replay reads them from the outbox; the handler only
 * notes the highest id announced, and the replay goes on until it has read up to it. It switches to
 * live in the same synchronous step as that check, so every later event reaches the live buffer:
 * no gap, and events the replay already gave (id <= last) are skipped, no duplicate. The live buffer
 * holds only this subscriber's matching events, and at most `maxPending` of them.
 */
export class OutboxStream implements AsyncIterableIterator<OutboxEvent> {
  private readonly unsubscribe: () => void;
  /** The id of the last event handled (replayed, or taken from the listener). */
  private last: bigint;
  /** Replaying: the highest id the listener announced meanwhile (the replay must reach it). */
  private announced = 0n;
  private replaying: boolean;
  private replayed: OutboxEvent[] = [];
  private readonly live: OutboxEvent[] = [];
  /** The live events waiting in `live`, for federess_outbox_lag_seconds. */
  private readonly lag = new DeliveryLag();
  private ended = false;
  /** Why the stream ended, thrown once by the next `next()`. */
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  /** Resolves when the stream ends, so that a `next()` waiting on a replay read ends with it. */
  private readonly endedSignal: Promise<void>;
  private signalEnd!: () => void;
  /** `next()` calls run one after the other (the protocol allows queueing them). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    listener: OutboxListener,
    private readonly matches: (event: OutboxEvent) => boolean,
    private readonly maxPending: number,
    /** Replay after this id first; undefined goes live from the listener's head. */
    replayAfter: bigint | undefined,
    private readonly readBatch: ReadBatch,
  ) {
    this.endedSignal = new Promise((resolve) => (this.signalEnd = resolve));
    // Subscribed and head read in one synchronous step: every event after the head reaches `onEvent`.
    this.unsubscribe = listener.subscribe((event) => this.onEvent(event));
    this.replaying = replayAfter !== undefined;
    this.last = replayAfter ?? BigInt(listener.head);
  }

  /** Reads the first replay batch, so that a bad `apres` fails the subscription itself. */
  async prime(): Promise<void> {
    if (this.replaying) await this.readReplay();
  }

  private onEvent(event: OutboxEvent): void {
    if (this.ended) return;
    const id = BigInt(event.id);
    if (this.replaying) {
      if (id > this.announced) this.announced = id;
      return;
    }
    if (id <= this.last) return;
    this.last = id;
    if (!this.matches(event)) return;
    if (this.live.length >= this.maxPending) return this.end(new SlowConsumerError(this.maxPending));
    this.live.push(event);
    this.lag.received(event.survenuA.getTime());
    this.wake?.();
  }

  private async readReplay(): Promise<void> {
    const batch = await this.readBatch(this.last);
    if (this.ended) return;
    for (const event of batch.events) {
      this.last = BigInt(event.id);
      if (this.matches(event)) this.replayed.push(event);
    }
    // Caught up with what the listener announced: from now on the live buffer gets every event.
    if (batch.exhausted && this.announced <= this.last) this.replaying = false;
  }

  next(): Promise<IteratorResult<OutboxEvent>> {
    const result = this.queue.then(() => this.pull());
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async pull(): Promise<IteratorResult<OutboxEvent>> {
    for (;;) {
      if (this.ended) return this.finish();
      const replayed = this.replayed.shift();
      if (replayed) {
        recordLiveDelivery(1, undefined);
        return { value: replayed, done: false };
      }
      const event = this.replaying ? undefined : this.live.shift();
      if (event) {
        recordLiveDelivery(1, this.lag.delivered());
        return { value: event, done: false };
      }
      if (this.replaying) {
        const reading = this.readReplay();
        // A read that loses the race against return() must not become an unhandled rejection.
        reading.catch(() => undefined);
        try {
          await Promise.race([reading, this.endedSignal]);
        } catch (error) {
          this.end(error as Error);
        }
        continue;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = undefined;
    }
  }

  /** The end of a stream: its failure once (then done), or done. */
  private finish(): Promise<IteratorResult<OutboxEvent>> {
    const failure = this.failure;
    this.failure = undefined;
    return failure ? Promise.reject(failure) : Promise.resolve(DONE);
  }

  private endListener: (() => void) | undefined;

  /** Called once when the stream ends, whatever ends it. */
  onEnd(callback: () => void): void {
    this.endListener = callback;
  }

  private end(failure?: Error): void {
    if (this.ended) return;
    this.ended = true;
    this.failure = failure;
    this.unsubscribe();
    this.lag.close();
    this.endListener?.();
    this.replayed.length = 0;
    this.live.length = 0;
    this.signalEnd();
    this.wake?.();
  }

  /** Ends the stream now: unsubscribed at once, a pending `next()` resolves done. */
  return(): Promise<IteratorResult<OutboxEvent>> {
    this.end();
    this.failure = undefined;
    return Promise.resolve(DONE);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
