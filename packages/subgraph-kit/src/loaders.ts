import DataLoader from 'dataloader';
import { type DataSource, type EntityTarget, type FindOptionsOrder, In, type ObjectLiteral } from 'typeorm';

/**
 * A loader of rows by a unique column: one `WHERE key IN (…)` per batch, answers in the order of the
 * keys asked, null for a key with no row.
 */
export function loaderByKey<T extends ObjectLiteral, K extends keyof T & string>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  key: K,
): DataLoader<T[K], T | null> {
  return new DataLoader(async (keys) => {
    const rows = await dataSource.getRepository(entity).findBy({ [key]: In([...keys]) } as never);
    const found = new Map(rows.map((row) => [row[key], row]));
    return keys.map((k) => found.get(k) ?? null);
  });
}

/** A loader of the rows that share a foreign key: one statement per batch, one list per key. */
export function loaderByParent<T extends ObjectLiteral, K extends keyof T & string>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  parentKey: K,
  order?: FindOptionsOrder<T>,
): DataLoader<T[K], T[]> {
  return new DataLoader(async (keys) => {
    const rows = await dataSource.getRepository(entity).find({ where: { [parentKey]: In([...keys]) } as never, order });
    const groups = new Map<T[K], T[]>(keys.map((k) => [k, []]));
    for (const row of rows) groups.get(row[parentKey])?.push(row);
    return keys.map((k) => groups.get(k) ?? []);
  });
}
