import { EventQueue } from '../../src/subscriptions/event-queue';

describe('EventQueue', () => {
  it('hands events to a waiting reader, then buffered ones in order', async () => {
    const queue = new EventQueue(10, () => undefined);
    const waiting = queue.next();
    queue.push({ data: { n: 1 } });
    queue.push({ data: { n: 2 } });
    queue.push({ data: { n: 3 } });
    expect(await waiting).toEqual({ value: { data: { n: 1 } }, done: false });
    expect((await queue.next()).value).toEqual({ data: { n: 2 } });
    expect((await queue.next()).value).toEqual({ data: { n: 3 } });
  });

  it('ends a client that falls too far behind with SLOW_CONSUMER instead of dropping events silently', async () => {
    const queue = new EventQueue(2, () => undefined);
    for (let n = 0; n < 3; n++) queue.push({ data: { n } });
    const first = await queue.next();
    expect(first.done ? undefined : first.value.errors?.[0]?.extensions?.code).toBe('SLOW_CONSUMER');
    expect(await queue.next()).toEqual({ value: undefined, done: true });
  });

  it('tells its owner when the client leaves', async () => {
    let left = 0;
    const queue = new EventQueue(10, () => {
      left += 1;
    });
    await queue.return();
    expect(left).toBe(1);
    expect(await queue.next()).toEqual({ value: undefined, done: true });
  });
});
