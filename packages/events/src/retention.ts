import type { DataSource } from 'typeorm';
import { logOf } from '@federess/observability';

/** Default retention of outbox events: 30 days. */
export const DEFAULT_RETENTION_DAYS = 30;

const HOUR = 60 * 60 * 1000;

/**
 * Deletes events older than the retention and records the highest id deleted, so that a later
 * `apres` below it is refused (EVENTS_EXPIRED) instead of silently skipping events.
 */
export async function purgeExpiredEvents(dataSource: DataSource, retentionDays: number): Promise<number> {
  const rows: { deleted: string }[] = await dataSource.query(
    `WITH deleted AS (DELETE FROM evenement WHERE survenu_a < now() - make_interval(days => $1) RETURNING id),
          marked AS (UPDATE evenement_retention SET purge_jusqua = GREATEST(purge_jusqua, (SELECT coalesce(max(id), 0) FROM deleted)))
     SELECT count(*)::text AS deleted FROM deleted`,
    [retentionDays],
  );
  return Number(rows[0]?.deleted ?? 0);
}

/**
 * Purges now, then every hour, for as long as the subgraph runs; resolves once the first purge is
 * done, with the function that stops the schedule. A failed purge is logged and retried next hour.
 */
export async function scheduleRetention(dataSource: DataSource, retentionDays: number, name: string): Promise<() => void> {
  const purge = () =>
    purgeExpiredEvents(dataSource, retentionDays).catch((error: unknown) =>
      logOf('events').error(`${name}: outbox purge failed: ${(error as Error).message}`),
    );
  await purge();
  const timer = setInterval(() => void purge(), HOUR);
  timer.unref();
  return () => clearInterval(timer);
}
