import type { StreamedEvent } from './event-stream-endpoint';

/**
 * The events of a subscription's results, each with its id: an iterator whose `return` reaches the
 * source at once (an async generator would wait for the pending `next`, i.e. the next live event,
 * before a closed stream let go of its subscription).
 */
export function mapEvents<T>(
  source: AsyncIterator<T>,
  map: (value: T) => StreamedEvent | Promise<StreamedEvent>,
): AsyncIterableIterator<StreamedEvent> {
  const iterator: AsyncIterableIterator<StreamedEvent> = {
    async next() {
      const step: IteratorResult<T, unknown> = await source.next();
      return step.done ? { value: undefined, done: true } : { value: await map(step.value), done: false };
    },
    async return() {
      await source.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
