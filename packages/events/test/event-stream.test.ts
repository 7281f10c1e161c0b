import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import { openDataSource } from '@federess/database';
import type { DataSource, EntityManager } from 'typeorm';
import { openEventStream, type OutboxEvent, OutboxListener, purgeExpiredEvents, ResumeError, SlowConsumerError } from '../src';
import { age, dispatched, Outbox1700000000000, write } from './outbox-fixture';

const all = () => true;

/** Settles within `ms`, or says it did not. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | 'pending'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'pending'>((resolve) => (timer = setTimeout(() => resolve('pending'), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function drain(stream: AsyncIterableIterator<OutboxEvent>, count: number): Promise<string[]> {
  const ids: string[] = [];
  while (ids.length < count) {
    const next = await within(stream.next(), 5000);
    if (next === 'pending' || next.done) break;
    ids.push(next.value.id);
  }
  return ids;
}

describe('an event stream', () => {
  const url = testDatabaseUrl('events_stream_test');
  let dataSource: DataSource;
  let listener: OutboxListener;

  beforeAll(async () => {
    dataSource = await openDataSource({ url, entities: [], migrations: [Outbox1700000000000] });
    listener = new OutboxListener({ databaseUrl: url, pollIntervalMs: 60_000 });
    await listener.start();
  });
  afterAll(async () => {
    await listener.stop();
    await dataSource.destroy();
  });
  afterEach(() => {
    // Whatever a test did, no stream may be left subscribed.
    expect(listener.subscriberCount).toBe(0);
  });

  it('unsubscribes when returned before its first event (graphql-ws does so on an early complete)', async () => {
    const start = await write(dataSource);
    const live = await openEventStream(listener, dataSource, { matches: all });
    const replaying = await openEventStream(listener, dataSource, { apres: start, matches: all });
    expect(listener.subscriberCount).toBe(2);
    await live.return!();
    await replaying.return!();
    expect(listener.subscriberCount).toBe(0);
    // And stays ended: no event is delivered after return().
    await write(dataSource);
    expect(await within(live.next(), 200)).toEqual({ value: undefined, done: true });
  });

  it('ends a waiting next() at once on return(), whatever the filter', async () => {
    const stream = await openEventStream(listener, dataSource, { matches: (e) => e.region === 'NULLE_PART' });
    const waiting = stream.next();
    expect(await within(waiting, 100)).toBe('pending');
    const returned = stream.return!();
    expect(await within(waiting, 100)).toEqual({ value: undefined, done: true });
    expect(await within(returned, 100)).toEqual({ value: undefined, done: true });
    expect(listener.subscriberCount).toBe(0);
  });

  it('ends a subscriber that falls more than maxPending events behind with SLOW_CONSUMER', async () => {
    const stream = await openEventStream(listener, dataSource, { matches: all, maxPending: 3 });
    let last = '';
    for (let i = 0; i < 5; i++) last = await write(dataSource);
    await dispatched(listener, last);
    // Ended as soon as it overflowed: memory is released and the handler is gone, before any next().
    expect(listener.subscriberCount).toBe(0);
    const error = await stream.next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlowConsumerError);
    expect((error as SlowConsumerError).reason).toBe('SLOW_CONSUMER');
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('keeps the replay→live seam over several replay batches while writers run', async () => {
    const start = await write(dataSource);
    const before = [
      await write(dataSource),
      await write(dataSource),
      await write(dataSource),
      await write(dataSource),
      await write(dataSource),
    ];
    const writing = Promise.all(Array.from({ length: 15 }, () => write(dataSource)));
    const stream = await openEventStream(listener, dataSource, { apres: start, matches: all, batchSize: 2, maxPending: 1000 });
    const during = await writing;
    const ids = await drain(stream, 20);
    await stream.return!();
    expect(ids.slice(0, 5)).toEqual(before);
    expect(new Set(ids).size).toBe(20);
    expect([...ids].sort((x, y) => Number(BigInt(x) - BigInt(y)))).toEqual(ids);
    expect(ids.slice(5).sort()).toEqual([...during].sort());
  });

  it('is not fooled by a retention purge committing between the apres check and the first replay read', async () => {
    const start = await write(dataSource);
    const after = [await write(dataSource), await write(dataSource), await write(dataSource)];
    await age(dataSource, after[0]!, after[2]!);
    // The purge runs, and commits, right after the stream's first statement (the check).
    let purged = 0;
    const racing = new Proxy(dataSource, {
      get(target, key) {
        if (key !== 'transaction') return Reflect.get(target, key) as unknown;
        return (isolation: 'REPEATABLE READ', work: (manager: EntityManager) => Promise<unknown>) =>
          target.transaction(isolation, (manager) => {
            let statements = 0;
            const query = async (sql: string, parameters?: unknown[]) => {
              const rows: unknown = await manager.query(sql, parameters);
              if (++statements === 1) purged += await purgeExpiredEvents(target, 30);
              return rows;
            };
            return work(new Proxy(manager, { get: (m, k) => (k === 'query' ? query : (Reflect.get(m, k) as unknown)) }));
          });
      },
    });
    const stream = await openEventStream(listener, racing, { apres: start, matches: all });
    expect(purged).toBe(3);
    // Either every event after `apres`, or EVENTS_EXPIRED: never a silent gap.
    expect(await drain(stream, 3)).toEqual(after);
    await stream.return!();
    // Once the purge is visible, the same apres is refused.
    await expect(openEventStream(listener, dataSource, { apres: start, matches: all })).rejects.toMatchObject({ reason: 'EXPIRED' });
  });

  it('ends with EVENTS_EXPIRED, not a gap, when a purge removes events in the middle of a replay', async () => {
    const start = await write(dataSource);
    const after = [await write(dataSource), await write(dataSource), await write(dataSource), await write(dataSource)];
    const stream = await openEventStream(listener, dataSource, { apres: start, matches: all, batchSize: 2 });
    await age(dataSource, after[2]!, after[3]!);
    expect(await purgeExpiredEvents(dataSource, 30)).toBe(2);
    expect(await drain(stream, 2)).toEqual(after.slice(0, 2));
    const error = await stream.next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResumeError);
    expect((error as ResumeError).reason).toBe('EXPIRED');
    expect(listener.subscriberCount).toBe(0);
  });
});
