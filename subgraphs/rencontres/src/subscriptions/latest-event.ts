import type { DataSource } from 'typeorm';
import { fromRow, OUTBOX_COLUMNS, type OutboxEvent, type OutboxRow } from '@federess/events';

/**
 * The latest event this instance shows (its région's and the national ones, as `visible` says), all
 * filters aside: where a reader that has just loaded everything starts its sync, and what the
 * gateway's feeds derive their ETag from. Read backwards on the primary key: one index probe.
 */
export async function latestEvent(dataSource: DataSource, scope: string | undefined): Promise<OutboxEvent | null> {
  const rows: OutboxRow[] = await dataSource.query(
    `SELECT ${OUTBOX_COLUMNS} FROM evenement WHERE entite = 'Rencontre' AND ($1::text IS NULL OR region IS NULL OR region = $1)
     ORDER BY evenement.id DESC LIMIT 1`,
    [scope ?? null],
  );
  return rows[0] ? fromRow(rows[0]) : null;
}
