import DataLoader from 'dataloader';
import type { DataSource, EntityTarget, SelectQueryBuilder } from 'typeorm';
import { type ConnectionData, toConnection } from './connection';

/** One parent's page of rows: a club's agenda, a région's publications, a collectivité's participations. */
export interface PageRequest<F = undefined> {
  readonly parent: string;
  /** What narrows the rows besides the parent (a checked filter); requests with the same filter share a statement. */
  readonly filtre?: F;
  readonly offset: number;
  readonly limit: number;
}

/**
 * Builds, on `sub` (the entity's rows as alias `r`), the ranked rows of every parent asked:
 * `parent`, `rid` (the row's id), `total` and `rang`, each parent's rows numbered in page order.
 * `rankRows` writes those four columns for the usual case.
 */
export type RankRows<T extends { id: string }, F> = (
  sub: SelectQueryBuilder<T>,
  parents: string[],
  filtre: F | undefined,
) => SelectQueryBuilder<T>;

/**
 * The four columns of a ranking: `parent` (the SQL expression of the parent key, as text), `rid`,
 * `total` = count(*) OVER (PARTITION BY parent), `rang` = row_number() OVER the same partition in `order`.
 */
export function rankRows<T extends { id: string }>(sub: SelectQueryBuilder<T>, parent: string, order: string): SelectQueryBuilder<T> {
  return sub
    .select(`${parent}::text`, 'parent')
    .addSelect('r.id', 'rid')
    .addSelect(`count(*) OVER (PARTITION BY ${parent})`, 'total')
    .addSelect(`row_number() OVER (PARTITION BY ${parent} ORDER BY ${order})`, 'rang');
}

interface RankedRow {
  readonly w_parent: string;
  readonly w_total: string;
  readonly w_rang: string;
  readonly node_id: string;
}

/**
 * A loader of pages for many parents at once, in ONE statement per batch for requests with the same
 * filter and window: the ranked sub-query (`rank`) numbers each parent's rows with window functions,
 * the outer query keeps the rows of the window, plus each parent's first row so that `totalCount` is
 * known even for an empty page (`first: 0`, a cursor past the end). The entity's key is `id`.
 */
export function pagesByParent<T extends { id: string }, F = undefined>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  rank: RankRows<T, F>,
): DataLoader<PageRequest<F>, ConnectionData<T>, string> {
  const window = (request: PageRequest<F>) => JSON.stringify([request.filtre ?? null, request.offset, request.limit]);
  const key = (request: PageRequest<F>) => JSON.stringify([request.parent, window(request)]);
  return new DataLoader<PageRequest<F>, ConnectionData<T>, string>(
    async (requests) => {
      const groups = new Map<string, PageRequest<F>[]>();
      for (const request of requests) groups.set(window(request), [...(groups.get(window(request)) ?? []), request]);
      const pages = new Map<string, ConnectionData<T>>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { filtre, offset, limit } = group[0]!;
          const parents = [...new Set(group.map((request) => request.parent))];
          const { entities, raw } = await dataSource
            .getRepository(entity)
            .createQueryBuilder('node')
            .innerJoin((sub) => rank(sub.from(entity, 'r'), parents, filtre), 'w', 'w.rid = node.id')
            .addSelect('w.parent', 'w_parent')
            .addSelect('w.total', 'w_total')
            .addSelect('w.rang', 'w_rang')
            .where('(w.rang = 1 OR (w.rang > :page_start AND w.rang <= :page_end))', { page_start: offset, page_end: offset + limit })
            .orderBy('w.parent')
            .addOrderBy('w.rang')
            .getRawAndEntities<RankedRow>();
          const byId = new Map(entities.map((row) => [row.id, row]));
          const found = new Map<string, { total: number; rows: T[] }>();
          for (const ranked of raw) {
            const page = found.get(ranked.w_parent) ?? { total: Number(ranked.w_total), rows: [] };
            found.set(ranked.w_parent, page);
            const rang = Number(ranked.w_rang);
            const row = byId.get(ranked.node_id);
            if (row && rang > offset && rang <= offset + limit) page.rows.push(row);
          }
          for (const request of group) {
            const page = found.get(request.parent) ?? { total: 0, rows: [] };
            pages.set(key(request), toConnection(page.rows, offset, limit, page.total));
          }
        }),
      );
      return requests.map((request) => pages.get(key(request))!);
    },
    { cacheKeyFn: key },
  );
}
