import type { EntityManager } from 'typeorm';
import { noteAppendedEvent } from './appended-events';
import type { NewOutboxEvent } from './outbox-event';

/** Arbitrary, fixed key of the advisory lock that orders event writers (each subgraph database has its own). */
const OUTBOX_LOCK = 7_270_001;

/**
 * Writes an event in the transaction of the change it describes. Call it as the LAST write of the
 * transaction: it takes a transaction-scoped lock that serialises event writers until commit, so ids
 * become visible in increasing order — a reader that has seen event N never later finds a smaller id
 * committing, which is what lets `apres` resume without a gap.
 */
export async function appendEvent<D extends object>(manager: EntityManager, event: NewOutboxEvent<D>): Promise<string> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [OUTBOX_LOCK]);
  // INSERT … RETURNING answers one row per row inserted: here, one.
  const [row]: [{ id: string }] = await manager.query(
    `INSERT INTO evenement (type, entite, entite_id, region, revision, entites, listes, donnees)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id::text AS id`,
    [
      event.type,
      event.entite,
      event.entiteId,
      event.region,
      event.revision,
      [...new Set(event.entites)],
      [...new Set(event.listes)],
      JSON.stringify(event.donnees),
    ],
  );
  const id = row.id;
  noteAppendedEvent({ id, tags: [...event.entites, ...event.listes] });
  return id;
}
