import { type OutboxEvent, ResumeError, SlowConsumerError } from '@federess/events';
import { ClientError, ErrorCode, badInput } from '@federess/server-kit';

/** A fault of the outbox stream as a client error with its stable code; anything else unchanged. */
export function toClientError(error: unknown): unknown {
  if (error instanceof ResumeError)
    return error.reason === 'EXPIRED' ? new ClientError(ErrorCode.EVENTS_EXPIRED, error.message) : badInput(error.message);
  if (error instanceof SlowConsumerError) return new ClientError(ErrorCode.SLOW_CONSUMER, error.message, { maxPending: error.maxPending });
  return error;
}

/**
 * The stream as graphql-ws consumes it, its faults translated: a stream may also end in the middle
 * (a purge during a replay, a subscriber too slow), and graphql-ws sends what `next()` rejects with
 * as the subscription's `error` message. `return()` is passed through untouched: it must stay immediate.
 */
export function withClientErrors(stream: AsyncIterableIterator<OutboxEvent>): AsyncIterableIterator<OutboxEvent> {
  return {
    next: () =>
      stream.next().catch((error: unknown) => {
        throw toClientError(error);
      }),
    return: () => stream.return?.() ?? Promise.resolve({ value: undefined, done: true }),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
