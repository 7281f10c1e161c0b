import type { OutboxEvent } from '@federess/events';
import { outboxClientError } from '@federess/subgraph-kit';

/**
 * The stream as graphql-ws consumes it, its faults translated: a stream may also end in the middle
 * (a purge during a replay, a subscriber too slow), and graphql-ws sends what `next()` rejects with
 * as the subscription's `error` message. `return()` is passed through untouched: it must stay immediate.
 */
export function withClientErrors(stream: AsyncIterableIterator<OutboxEvent>): AsyncIterableIterator<OutboxEvent> {
  return {
    next: () =>
      stream.next().catch((error: unknown) => {
        throw outboxClientError(error);
      }),
    return: () => stream.return?.() ?? Promise.resolve({ value: undefined, done: true }),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
