import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import { openDataSource } from '@federess/database';
import type { DataSource } from 'typeorm';
import { dispatched, event, Outbox1700000000000, write, writeRolledBack } from './outbox-fixture';
import {
  announceStart,
  EVERYTHING,
  openEventStream,
  OutboxListener,
  type OutboxEvent,
  purgeExpiredEvents,
  ResumeError,
} from '../src/index';

/** Collects `count` events from a stream, or fails after a deadline. */
async function take(stream: AsyncIterableIterator<OutboxEvent>, count: number, ms = 5000): Promise<OutboxEvent[]> {
  const out: OutboxEvent[] = [];
  const deadline = setTimeout(() => void stream.return?.(), ms);
  for await (const e of stream) {
    out.push(e);
    if (out.length === count) break;
  }
  clearTimeout(deadline);
  return out;
}

describe('the outbox', () => {
  const url = testDatabaseUrl('events_test');
  let dataSource: DataSource;
  let replicaA: OutboxListener;
  let replicaB: OutboxListener;

  beforeAll(async () => {
    dataSource = await openDataSource({ url, entities: [], migrations: [Outbox1700000000000] });
    replicaA = new OutboxListener({ databaseUrl: url, pollIntervalMs: 60_000 });
    replicaB = new OutboxListener({ databaseUrl: url, pollIntervalMs: 60_000 });
    await replicaA.start();
    await replicaB.start();
  });
  afterAll(async () => {
    await replicaA.stop();
    await replicaB.stop();
    await dataSource.destroy();
  });

  it('announces committed events to every replica, in order, and nothing for a rollback', async () => {
    const onA = await openEventStream(replicaA, dataSource, { matches: () => true });
    const onB = await openEventStream(replicaB, dataSource, { matches: () => true });
    await writeRolledBack(dataSource);
    const first = await write(dataSource, event('CREEE'));
    const second = await write(dataSource, event('MODIFIEE'));
    const [a, b] = await Promise.all([take(onA, 2), take(onB, 2)]);
    expect(a.map((e) => [e.id, e.type])).toEqual([
      [first, 'CREEE'],
      [second, 'MODIFIEE'],
    ]);
    expect(b.map((e) => e.id)).toEqual([first, second]);
  });

  it('replays after `apres`, then goes live, with no gap and no duplicate even while writers run', async () => {
    const start = await write(dataSource, event('CREEE'));
    const before = [await write(dataSource, event('MODIFIEE')), await write(dataSource, event('MODIFIEE'))];
    // Writers keep committing while the stream replays: the seam must hold.
    const writing = Promise.all(Array.from({ length: 20 }, () => write(dataSource, event('MODIFIEE'))));
    const stream = await openEventStream(replicaA, dataSource, { apres: start, matches: () => true });
    const during = await writing;
    const received = await take(stream, 22);
    const ids = received.map((e) => e.id);
    expect(ids.slice(0, 2)).toEqual(before);
    expect(new Set(ids).size).toBe(22);
    expect([...ids].sort((x, y) => Number(BigInt(x) - BigInt(y)))).toEqual(ids);
    expect(ids.slice(2).sort()).toEqual([...during].sort());
  });

  it('keeps what a change names, each once: the entities it touched, the root fields it affects, the subgraph’s own data', async () => {
    const stream = await openEventStream(replicaA, dataSource, { matches: () => true });
    const id = await write(dataSource, {
      type: 'MODIFIEE',
      entite: 'Publication',
      entiteId: 'p1',
      region: 'BRE',
      revision: 3,
      entites: ['Publication:p1', 'Club:c1', 'Club:c1', 'Region:BRE'],
      listes: ['Query.publications'],
      donnees: { regionPrecedente: 'ARA' },
    });
    const [received] = await take(stream, 1);
    expect(received).toMatchObject({
      id,
      type: 'MODIFIEE',
      entite: 'Publication',
      entiteId: 'p1',
      region: 'BRE',
      revision: 3,
      entites: ['Publication:p1', 'Club:c1', 'Region:BRE'],
      listes: ['Query.publications'],
      donnees: { regionPrecedente: 'ARA' },
    });
    expect(received?.survenuA).toBeInstanceOf(Date);
  });

  it('announces a start as a change of anything of the subgraph, naming no entity', async () => {
    // Without `apres` a stream starts at its listener's head: let replica B have dispatched the earlier tests' events.
    const [head] = await dataSource.query<{ last: string }[]>('SELECT coalesce(max(id), 0)::text AS last FROM evenement');
    await dispatched(replicaB, head?.last ?? '0');
    const stream = await openEventStream(replicaB, dataSource, { matches: () => true });
    const id = await announceStart(dataSource);
    expect(await take(stream, 1)).toEqual([
      expect.objectContaining({ id, type: 'REDEMARRAGE', entite: null, entites: [], listes: [EVERYTHING] }),
    ]);
  });

  it('tells the id of each committed event as its announcement arrives, before the event is read', async () => {
    const seen: string[] = [];
    const listener = new OutboxListener({
      databaseUrl: url,
      pollIntervalMs: 60_000,
      onAnnounced: (id) => seen.push(`announced ${id}`),
    });
    listener.subscribe((e) => seen.push(`read ${e.id}`));
    await listener.start();
    try {
      await writeRolledBack(dataSource);
      const id = await write(dataSource, event('MODIFIEE'));
      await dispatched(listener, id);
      expect(seen).toEqual([`announced ${id}`, `read ${id}`]);
    } finally {
      await listener.stop();
    }
  });

  it('filters per subscriber', async () => {
    const stream = await openEventStream(replicaA, dataSource, { matches: (e) => e.region === 'BRE' });
    await write(dataSource, event('CREEE', 'ARA'));
    const bre = await write(dataSource, event('CREEE', 'BRE'));
    expect((await take(stream, 1)).map((e) => e.id)).toEqual([bre]);
  });

  it('refuses a malformed, unknown or expired resume point', async () => {
    const open = (apres: string) => openEventStream(replicaA, dataSource, { apres, matches: () => true });
    await expect(open('abc')).rejects.toMatchObject({ reason: 'MALFORMED' });
    await expect(open('999999999')).rejects.toMatchObject({ reason: 'UNKNOWN' });
    const old = await write(dataSource, event('CREEE'));
    await dataSource.query(`UPDATE evenement SET survenu_a = now() - interval '40 days' WHERE id <= $1`, [old]);
    expect(await purgeExpiredEvents(dataSource, 30)).toBeGreaterThan(0);
    const error = await open('1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResumeError);
    expect((error as ResumeError).reason).toBe('EXPIRED');
    await expect(open(old)).resolves.toBeDefined();
  });
});
