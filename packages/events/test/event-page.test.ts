import { testDatabaseUrl } from '@federess/jest-preset/test-postgres';
import { openDataSource } from '@federess/database';
import type { DataSource } from 'typeorm';
import { announceStart, latestEvent, type OutboxEvent, purgeExpiredEvents, readEventPage, ResumeError } from '../src';
import { age, event, Outbox1700000000000, write } from './outbox-fixture';

/** Every page from `apres` on, `first` at a time, as a nightly sync reads them. */
async function pageThrough(dataSource: DataSource, apres: string | null, first: number, matches: (e: OutboxEvent) => boolean) {
  const ids: string[] = [];
  let cursor = apres;
  let calls = 0;
  for (;;) {
    const page = await readEventPage(dataSource, { apres: cursor, first, matches, batchSize: 3 });
    calls++;
    expect(page.events.length).toBeLessThanOrEqual(first);
    ids.push(...page.events.map((e) => e.id));
    cursor = page.resumeAfter;
    if (!page.hasMore) return { ids, cursor, calls };
  }
}

describe('a page of the outbox', () => {
  const url = testDatabaseUrl('events_page_test');
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openDataSource({ url, entities: [], migrations: [Outbox1700000000000] });
  });
  afterAll(async () => {
    await dataSource.destroy();
  });

  it('returns every matching event once, in id order, whatever the page size, then an empty page', async () => {
    const start = await write(dataSource, event('CREEE'));
    const written: { id: string; region: string }[] = [];
    for (let i = 0; i < 11; i++) {
      const region = i % 3 === 0 ? 'BRE' : 'ARA';
      written.push({ id: await write(dataSource, event('MODIFIEE', region)), region });
    }
    const bre = written.filter((w) => w.region === 'BRE').map((w) => w.id);
    for (const first of [1, 2, 5, 50]) {
      const all = await pageThrough(dataSource, start, first, () => true);
      expect(all.ids).toEqual(written.map((w) => w.id));
      const filtered = await pageThrough(dataSource, start, first, (e) => e.region === 'BRE');
      expect(filtered.ids).toEqual(bre);
      // The cursor moved past the skipped ARA events, up to the last event of the outbox.
      expect(filtered.cursor).toBe(written.at(-1)!.id);
    }
    const caughtUp = await readEventPage(dataSource, { apres: written.at(-1)!.id, first: 10, matches: () => true });
    expect(caughtUp).toEqual({ events: [], resumeAfter: written.at(-1)!.id, hasMore: false });
  });

  it('stops after examining maxExamined events, and resumes where it stopped', async () => {
    const start = await write(dataSource, event('CREEE'));
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push(await write(dataSource, event('MODIFIEE', 'ARA')));
    const match = await write(dataSource, event('MODIFIEE', 'BRE'));
    const wanted = (e: OutboxEvent) => e.region === 'BRE';
    const first = await readEventPage(dataSource, { apres: start, first: 10, matches: wanted, maxExamined: 4, batchSize: 2 });
    expect(first).toEqual({ events: [], resumeAfter: ids[3], hasMore: true });
    const second = await readEventPage(dataSource, { apres: first.resumeAfter, first: 10, matches: wanted, maxExamined: 4 });
    expect(second.events.map((e) => e.id)).toEqual([match]);
  });

  it('refuses a cursor older than the retention, and starts after the purge without one', async () => {
    const old = await write(dataSource, event('CREEE'));
    const kept = await write(dataSource, event('MODIFIEE'));
    await age(dataSource, '1', old);
    expect(await purgeExpiredEvents(dataSource, 30)).toBeGreaterThan(0);
    const expired = await readEventPage(dataSource, { apres: '1', first: 5, matches: () => true }).catch((e: unknown) => e);
    expect(expired).toBeInstanceOf(ResumeError);
    expect((expired as ResumeError).reason).toBe('EXPIRED');
    await expect(readEventPage(dataSource, { apres: '99999999', first: 5, matches: () => true })).rejects.toMatchObject({
      reason: 'UNKNOWN',
    });
    await expect(readEventPage(dataSource, { apres: 'x', first: 5, matches: () => true })).rejects.toMatchObject({ reason: 'MALFORMED' });
    const fromOldest = await readEventPage(dataSource, { first: 5, matches: () => true });
    expect(fromOldest.events.map((e) => e.id)).toEqual([kept]);
  });

  it('finds the latest event of one kind of entity that a scope shows: its région’s and the national ones', async () => {
    const bre = await write(dataSource, event('CREEE', 'BRE'));
    const national = await write(dataSource, { ...event('MODIFIEE'), region: null });
    const ara = await write(dataSource, event('MODIFIEE', 'ARA'));
    await write(dataSource, { ...event('MODIFIEE', 'ARA'), entite: 'Club' });
    const start = await announceStart(dataSource);
    expect((await latestEvent(dataSource, 'Rencontre', undefined))?.id).toBe(ara);
    // A start may have changed anything: a version counts it, a sync of rencontres does not.
    expect((await latestEvent(dataSource, 'Rencontre', 'BRE', { withSubgraphEvents: true }))?.id).toBe(start);
    expect((await latestEvent(dataSource, 'Rencontre', 'BRE'))?.id).toBe(national);
    await write(dataSource, event('MODIFIEE', 'OCC'));
    expect((await latestEvent(dataSource, 'Rencontre', 'BRE'))?.id).toBe(national);
    const later = await write(dataSource, event('MODIFIEE', 'BRE'));
    expect(BigInt(later)).toBeGreaterThan(BigInt(bre));
    expect((await latestEvent(dataSource, 'Rencontre', 'BRE'))?.id).toBe(later);
    expect(await latestEvent(dataSource, 'Publication', undefined)).toBeNull();
  });
});
