import type { DataSource } from 'typeorm';
import { OUTBOX_COLUMNS, type OutboxEvent, type OutboxRow, fromRow } from './outbox-event';
import type { OutboxListener } from './outbox-listener';

/** Why a stream cannot start from the `apres` asked for. */
export class ResumeError extends Error {
  constructor(
    readonly reason: 'EXPIRED' | 'UNKNOWN' | 'MALFORMED',
    message: string,
  ) {
    super(message);
    this.name = 'ResumeError';
  }
}

export interface EventStreamOptions {
  /** Replay the events after this id first (a client's last event seen), then go live. */
  readonly apres?: string | null;
  /** Which events this subscriber wants. */
  readonly matches: (event: OutboxEvent) => boolean;
  /** Rows read per replay statement (default 500). */
  readonly batchSize?: number;
}

/**
 * Opens a subscriber's stream: replays the outbox after `apres`, then continues live, with no gap and
 * no duplicate at the seam. Live events are collected from before the replay starts; the replay then
 * reads everything committed, and live events already replayed are skipped by id (ids commit in
 * increasing order, see appendEvent). Checks `apres` before returning, so a bad one is an error of
 * the subscription itself, not of its first event.
 */
export async function openEventStream(
  listener: OutboxListener,
  dataSource: DataSource,
  options: EventStreamOptions,
): Promise<AsyncIterableIterator<OutboxEvent>> {
  const live: OutboxEvent[] = [];
  let wake: (() => void) | undefined;
  const unsubscribe = listener.subscribe((event) => {
    live.push(event);
    wake?.();
  });

  let last: bigint;
  try {
    last = options.apres === null || options.apres === undefined ? BigInt(listener.head) : await checkResumePoint(dataSource, options.apres);
  } catch (error) {
    unsubscribe();
    throw error;
  }
  const replayFrom = options.apres === null || options.apres === undefined ? undefined : last;

  async function* stream(): AsyncGenerator<OutboxEvent> {
    try {
      if (replayFrom !== undefined) {
        const batch = options.batchSize ?? 500;
        for (;;) {
          const rows: OutboxRow[] = await dataSource.query(`SELECT ${OUTBOX_COLUMNS} FROM evenement WHERE id > $1 ORDER BY evenement.id LIMIT $2`, [last.toString(), batch]);
          for (const row of rows) {
            const event = fromRow(row);
            last = BigInt(event.id);
            if (options.matches(event)) yield event;
          }
          if (rows.length < batch) break;
        }
      }
      for (;;) {
        while (live.length > 0) {
          const event = live.shift()!;
          const id = BigInt(event.id);
          if (id <= last) continue;
          last = id;
          if (options.matches(event)) yield event;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
      }
    } finally {
      unsubscribe();
    }
  }
  return stream();
}

async function checkResumePoint(dataSource: DataSource, apres: string): Promise<bigint> {
  if (!/^\d{1,18}$/.test(apres)) throw new ResumeError('MALFORMED', `apres doit être l'identifiant d'un événement (un entier), reçu « ${apres} ».`);
  const id = BigInt(apres);
  // The head is the sequence's last value: events may all have been purged, ids keep counting.
  const [state]: { purge_jusqua: string; head: string | null }[] = await dataSource.query(
    `SELECT purge_jusqua::text AS purge_jusqua,
            (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM evenement_id_seq)::text AS head
     FROM evenement_retention`,
  );
  if (id < BigInt(state?.purge_jusqua ?? '0')) {
    throw new ResumeError('EXPIRED', `Les événements après ${apres} ne sont plus conservés (rétention dépassée) : rechargez l'état complet puis abonnez-vous sans apres.`);
  }
  if (id > BigInt(state?.head ?? '0')) throw new ResumeError('UNKNOWN', `Aucun événement ${apres} : apres doit être un identifiant déjà reçu.`);
  return id;
}
