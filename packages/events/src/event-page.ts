import type { DataSource } from 'typeorm';
import type { OutboxEvent } from './outbox-event';
import { parseResumePoint, readReplayBatch, ResumeError } from './replay';

export interface EventPageOptions {
  /** The id of the last event the reader has (its cursor); absent: from the oldest event still kept. */
  readonly apres?: string | null;
  /** Matching events to return at most. */
  readonly first: number;
  /** Which events this reader wants (the live feed's own test, so that both give the same events). */
  readonly matches: (event: OutboxEvent) => boolean;
  /** Rows read per statement (default 500). */
  readonly batchSize?: number;
  /**
   * Events examined at most for one page (default 5,000): a filter that matches little cannot make
   * one request read the whole outbox. The page then ends early, with `hasMore`, and resumes where
   * it stopped.
   */
  readonly maxExamined?: number;
}

export interface EventPage {
  /** The matching events after the cursor, in id order: the order the live feed sends them in. */
  readonly events: readonly OutboxEvent[];
  /**
   * Where the next page starts: the last event examined, matching or not (so that a reader with a
   * narrow filter moves past the events it skipped); null when nothing was examined and there was no cursor.
   */
  readonly resumeAfter: string | null;
  /** Whether more matching events may follow `resumeAfter`. */
  readonly hasMore: boolean;
}

/** The highest id the retention purge removed: where a reader without a cursor starts. */
async function purgeMark(dataSource: DataSource): Promise<bigint> {
  const [row]: { mark: string }[] = await dataSource.query('SELECT purge_jusqua::text AS mark FROM evenement_retention');
  return BigInt(row?.mark ?? '0');
}

/**
 * One page of the outbox for a reader that pulls instead of holding a socket (a nightly sync): the
 * pull twin of openEventStream. It reads with the replay's own batches (readReplayBatch), so a cursor
 * older than the retention is refused as EXPIRED, an unknown or malformed one likewise, and a purge
 * running meanwhile never opens a silent gap.
 */
export async function readEventPage(dataSource: DataSource, options: EventPageOptions): Promise<EventPage> {
  const batchSize = options.batchSize ?? 500;
  const maxExamined = options.maxExamined ?? 5000;
  const given = options.apres === null || options.apres === undefined ? undefined : parseResumePoint(options.apres);
  for (let attempt = 0; ; attempt++) {
    const start = given ?? (await purgeMark(dataSource));
    try {
      return await readFrom(dataSource, start, given !== undefined, options, batchSize, maxExamined);
    } catch (error) {
      // Without a cursor the reader asked for "everything kept": a purge between reading the mark
      // and the first batch moves the oldest event, it does not make the request wrong.
      if (given !== undefined || !(error instanceof ResumeError) || error.reason !== 'EXPIRED' || attempt >= 2) throw error;
    }
  }
}

async function readFrom(
  dataSource: DataSource,
  start: bigint,
  cursorGiven: boolean,
  options: EventPageOptions,
  batchSize: number,
  maxExamined: number,
): Promise<EventPage> {
  const events: OutboxEvent[] = [];
  let position = start;
  let examined = 0;
  for (;;) {
    const batch = await readReplayBatch(dataSource, position, batchSize, cursorGiven && examined === 0);
    for (const event of batch.events) {
      if (options.matches(event)) {
        // One more match than the page holds: there is a next page, and it starts with this event.
        if (events.length === options.first) return page(events, position, cursorGiven, true);
        events.push(event);
      }
      position = BigInt(event.id);
      examined++;
      if (examined >= maxExamined) return page(events, position, cursorGiven, !batch.exhausted || event !== batch.events.at(-1));
    }
    if (batch.exhausted) return page(events, position, cursorGiven, false);
  }
}

/** `position` is the reader's cursor or the last event examined; 0 without either (an outbox never purged, nothing read). */
function page(events: OutboxEvent[], position: bigint, cursorGiven: boolean, hasMore: boolean): EventPage {
  return { events, resumeAfter: cursorGiven || position > 0n ? position.toString() : null, hasMore };
}
