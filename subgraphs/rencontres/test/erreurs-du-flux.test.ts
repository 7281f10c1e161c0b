import { ResumeError, SlowConsumerError, type OutboxEvent } from '@federess/events';
import { withClientErrors } from '../src/subscriptions/stream-errors';

/** A stream that fails its first next() with `error`. */
function enEchec(error: Error): AsyncIterableIterator<OutboxEvent> & { returned: boolean } {
  const stream = {
    returned: false,
    next: () => Promise.reject(error),
    return: () => {
      stream.returned = true;
      return Promise.resolve({ value: undefined, done: true as const });
    },
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}

describe('the faults of a stream that ends early reach the client with their code', () => {
  it.each([
    [new SlowConsumerError(1000), 'SLOW_CONSUMER'],
    [new ResumeError('EXPIRED', 'purgé pendant le rejeu'), 'EVENTS_EXPIRED'],
  ])('%s', async (error, code) => {
    await expect(withClientErrors(enEchec(error)).next()).rejects.toMatchObject({ extensions: { code } });
  });

  it('passes return() through at once', async () => {
    const stream = enEchec(new Error('x'));
    await expect(withClientErrors(stream).return!()).resolves.toEqual({ value: undefined, done: true });
    expect(stream.returned).toBe(true);
  });
});
