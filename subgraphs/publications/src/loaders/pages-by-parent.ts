import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { type ConnectionData, toConnection } from '@federess/subgraph-kit';
import { Publication } from '../entities/publication';

/** The parent column a page of publications hangs from. */
export type ParentColumn = 'club_id' | 'region_code';

export interface Page {
  readonly offset: number;
  readonly limit: number;
}

interface RangRow {
  p_id: string;
  w_parent: string;
  w_rang: string;
  w_total: string;
}

/**
 * One page of publications (newest first) for each of many parents, in ONE statement per batch:
 * row_number() OVER (PARTITION BY parent) numbers each parent's publications, count(*) OVER the same
 * partition gives its total. Each parent's first row is always returned too, so that the total is
 * known even when the asked page is empty (first: 0, or a cursor past the end).
 *
 * `scope` (the instance's région) limits the rows; parents outside it must not be asked for.
 */
export function pagesByParent(
  dataSource: DataSource,
  column: ParentColumn,
  page: Page,
  scope: string | undefined,
): DataLoader<string, ConnectionData<Publication>> {
  return new DataLoader(async (parents) => {
    const query = dataSource
      .getRepository(Publication)
      .createQueryBuilder('p')
      .innerJoin(
        (sub) => {
          sub
            .select('r.id', 'id')
            .addSelect(`r.${column}::text`, 'parent')
            .addSelect(`row_number() OVER (PARTITION BY r.${column} ORDER BY r.date_publication DESC, r.id ASC)`, 'rang')
            .addSelect(`count(*) OVER (PARTITION BY r.${column})`, 'total')
            .from(Publication, 'r')
            .where(`r.${column} = ANY(:parents)`);
          if (scope) sub.andWhere('r.region_code = :scope');
          return sub;
        },
        'w',
        'w.id = p.id',
      )
      .addSelect('w.parent', 'w_parent')
      .addSelect('w.rang', 'w_rang')
      .addSelect('w.total', 'w_total')
      .where('(w.rang = 1 OR (w.rang > :offset AND w.rang <= :end))')
      .orderBy('w.parent')
      .addOrderBy('w.rang')
      .setParameters({ parents: [...parents], scope, offset: page.offset, end: page.offset + page.limit });
    const { entities, raw } = await query.getRawAndEntities<RangRow>();
    const byId = new Map(entities.map((e) => [e.id, e]));
    const pages = new Map(parents.map((parent) => [parent, { rows: [] as Publication[], total: 0 }]));
    for (const row of raw) {
      const entry = pages.get(row.w_parent);
      const publication = byId.get(row.p_id);
      if (!entry || !publication) continue;
      entry.total = Number(row.w_total);
      const rang = Number(row.w_rang);
      if (rang > page.offset && rang <= page.offset + page.limit) entry.rows.push(publication);
    }
    return parents.map((parent) => {
      const { rows, total } = pages.get(parent)!;
      return toConnection(rows, page.offset, page.limit, total);
    });
  });
}
