import { InflightPromises } from '../../src/subgraph-calls/inflight-queries';

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('InflightPromises', () => {
  it('shares the running promise of a key, and starts another key on its own', async () => {
    const inflight = new InflightPromises<string>();
    const running = deferred<string>();
    const start = jest.fn(() => running.promise);
    const first = inflight.share('a', start);
    const second = inflight.share('a', start);
    const other = inflight.share('b', () => Promise.resolve('b'));
    expect(start).toHaveBeenCalledTimes(1);
    running.resolve('a');
    await expect(Promise.all([first, second, other])).resolves.toEqual(['a', 'a', 'b']);
  });

  it('forgets a key once its promise settled, so the next call starts afresh', async () => {
    const inflight = new InflightPromises<number>();
    let calls = 0;
    await inflight.share('k', () => Promise.resolve(++calls));
    expect(inflight.size).toBe(0);
    await expect(inflight.share('k', () => Promise.resolve(++calls))).resolves.toBe(2);
  });

  it('gives a failure to the callers that shared it, not to the ones after it', async () => {
    const inflight = new InflightPromises<string>();
    const running = deferred<string>();
    const both = [inflight.share('k', () => running.promise), inflight.share('k', () => running.promise)];
    running.reject(new Error('boom'));
    for (const shared of both) await expect(shared).rejects.toThrow('boom');
    expect(inflight.size).toBe(0);
    await expect(inflight.share('k', () => Promise.resolve('ok'))).resolves.toBe('ok');
  });
});
