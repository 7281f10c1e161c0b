import type { DataSource } from 'typeorm';
import { fromRow, OUTBOX_COLUMNS, type OutboxEvent, type OutboxRow } from './outbox-event';

export interface LatestEventOptions {
  /**
   * Also events about the whole subgraph (no entity: a start, a bulk load), which may have changed
   * any of its data: what a version of the data must count, and a delta sync of one entity skips.
   */
  readonly withSubgraphEvents?: boolean;
}

/**
 * The latest event of one kind of entity (`Rencontre`, `Publication`, `Club`) that an instance
 * scoped to `scope` shows: its région's and the national ones (no région), every one on a national
 * instance. Where a reader that has just loaded everything starts its delta sync, and what the
 * gateway's feeds version their ETag with. Read backwards on the primary key: one index probe.
 */
export async function latestEvent(
  dataSource: DataSource,
  entite: string,
  scope: string | undefined,
  options: LatestEventOptions = {},
): Promise<OutboxEvent | null> {
  const rows: OutboxRow[] = await dataSource.query(
    `SELECT ${OUTBOX_COLUMNS} FROM evenement
     WHERE (entite = $1 OR ($3 AND entite IS NULL)) AND ($2::text IS NULL OR region IS NULL OR region = $2)
     ORDER BY evenement.id DESC LIMIT 1`,
    [entite, scope ?? null, options.withSubgraphEvents ?? false],
  );
  return rows[0] ? fromRow(rows[0]) : null;
}
