import type { DataSource } from 'typeorm';
import { OUTBOX_COLUMNS, type OutboxEvent, type OutboxRow, fromRow } from './outbox-event';

/** Why a stream cannot start, or go on, from the `apres` asked for. */
export class ResumeError extends Error {
  constructor(
    readonly reason: 'EXPIRED' | 'UNKNOWN' | 'MALFORMED',
    message: string,
  ) {
    super(message);
    this.name = 'ResumeError';
  }
}

/** Parses a client's `apres`: the id of an event, as a decimal string. */
export function parseResumePoint(apres: string): bigint {
  if (!/^\d{1,18}$/.test(apres))
    throw new ResumeError('MALFORMED', `apres doit être l'identifiant d'un événement (un entier), reçu « ${apres} ».`);
  return BigInt(apres);
}

export interface ReplayBatch {
  readonly events: readonly OutboxEvent[];
  /** True when fewer rows than asked came back: the outbox held nothing more at that moment. */
  readonly exhausted: boolean;
}

/**
 * Reads the events after `after`, having checked that none of them was purged. The check and the read
 * run in one REPEATABLE READ transaction, so they see the same snapshot: a retention purge that commits
 * between them is invisible to both, and cannot delete rows the read was about to return (a silent gap).
 * Every batch of a replay is read this way, not only the first: a purge may also run mid-replay.
 * `checkUnknown` (the first batch) also refuses an id the sequence never handed out.
 */
export async function readReplayBatch(
  dataSource: DataSource,
  after: bigint,
  batchSize: number,
  checkUnknown: boolean,
): Promise<ReplayBatch> {
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    // The head is the sequence's last value: events may all have been purged, ids keep counting.
    const [state]: { purge_jusqua: string; head: string | null }[] = await manager.query(
      `SELECT purge_jusqua::text AS purge_jusqua,
              (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM evenement_id_seq)::text AS head
       FROM evenement_retention`,
    );
    if (after < BigInt(state?.purge_jusqua ?? '0')) {
      throw new ResumeError(
        'EXPIRED',
        `Les événements après ${after} ne sont plus conservés (rétention dépassée) : rechargez l'état complet puis abonnez-vous sans apres.`,
      );
    }
    if (checkUnknown && after > BigInt(state?.head ?? '0'))
      throw new ResumeError('UNKNOWN', `Aucun événement ${after} : apres doit être un identifiant déjà reçu.`);
    const rows: OutboxRow[] = await manager.query(`SELECT ${OUTBOX_COLUMNS} FROM evenement WHERE id > $1 ORDER BY evenement.id LIMIT $2`, [
      after.toString(),
      batchSize,
    ]);
    return { events: rows.map(fromRow), exhausted: rows.length < batchSize };
  });
}
