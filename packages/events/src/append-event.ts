import type { EntityManager } from 'typeorm';
import type { NewOutboxEvent } from './outbox-event';

/** Arbitrary, fixed key of the advisory lock that orders event writers. */
const OUTBOX_LOCK = 7_270_001;

/**
 * Writes an event in the transaction of the change it describes. Call it as the LAST write of the
 * transaction: it takes a transaction-scoped lock that serialises event writers until commit, so ids
 * become visible in increasing order — a reader that has seen event N never later finds a smaller id
 * committing, which is what lets `apres` resume without a gap.
 */
export async function appendEvent(manager: EntityManager, event: NewOutboxEvent): Promise<string> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [OUTBOX_LOCK]);
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO evenement (type, rencontre_id, region, club_id, thematiques, rencontre_type, revision)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::text AS id`,
    [event.type, event.rencontreId, event.region, event.clubId, event.thematiques, event.rencontreType, event.revision],
  );
  return rows[0]!.id;
}
