import { ArgsType, type ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from '@federess/server-kit';

@ObjectType({ description: "Position d'une page dans une liste (Relay)" })
@Directive('@shareable')
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field() hasPreviousPage: boolean;
  @Field(() => String, { nullable: true }) startCursor: string | null;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

export interface EdgeData<T> {
  cursor: string;
  node: T;
}

export interface ConnectionData<T> {
  edges: EdgeData<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay connection type `<Name>Connection` with its `<Name>Edge`, for one node class. */
export function Connection<TNode extends object>(Node: ClassType<TNode>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field() cursor: string;
    @Field(() => Node) node: TNode;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [Edge]) edges: EdgeData<TNode>[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int, { description: 'Nombre total de résultats, toutes pages confondues' }) totalCount: number;
  }
  return ConnectionType;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Nombre de résultats (défaut ${20}, au plus ${200})` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Curseur après lequel reprendre' })
  after?: string | null;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;

const encodeCursor = (offset: number): string => Buffer.from(`o:${offset}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badInput(`after : curseur invalide : ${cursor}`, { champ: 'after' });
  return Number(match[1]);
}

/** Reads and bounds `first`: 0 to MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE when absent. */
export function pageSize(first: number | null | undefined): number {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw badInput(`first : doit être compris entre 0 et ${MAX_PAGE_SIZE} (reçu ${limit}).`, { champ: 'first' });
  }
  return limit;
}

/** Reads and bounds `first`/`after`: a page is 0 to MAX_PAGE_SIZE rows from an offset. */
export function pageWindow(args: PageArgs): { offset: number; limit: number } {
  const limit = pageSize(args.first);
  return { offset: args.after ? decodeCursor(args.after) + 1 : 0, limit };
}

/** Turns one page of rows into a connection. */
export function toConnection<T>(rows: T[], offset: number, limit: number, totalCount: number): ConnectionData<T> {
  const edges = rows.map((node, index) => ({ cursor: encodeCursor(offset + index), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: offset + rows.length < totalCount && rows.length === limit,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** The alias of the total `paginate` adds to a page's rows. */
const TOTAL_ALIAS = 'connection_total';

export interface PaginateOptions {
  /**
   * Default `subquery` (see paginate). `window` counts with `count(*) OVER ()` instead: right when the ORDER BY
   * already makes Postgres read and sort every matching row (a ranking by similarity), where the
   * count then rides along for free and a subquery would run the costly filter a second time.
   */
  readonly total?: 'subquery' | 'window';
}

/**
 * Runs a query builder as ONE statement: the page's rows each carry the number of rows the query
 * matches, as an uncorrelated scalar subquery (`SELECT count(*) …` with the same filters), which
 * Postgres runs once, apart from the page. A window `count(*) OVER ()` would be one statement too,
 * but it makes Postgres read and sort every matching row before LIMIT, where the page alone walks an
 * index and stops: on the national agenda that was four times slower. A separate count runs only
 * when the page holds no row to carry the total: `first: 0`, or a cursor past the end (an empty
 * first page means a total of 0). A query with joins keeps a separate count, since its rows may
 * repeat an entity.
 */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  args: PageArgs,
  options: PaginateOptions = {},
): Promise<ConnectionData<T>> {
  const { offset, limit } = pageWindow(args);
  const count = () => query.clone().orderBy().getCount();
  if (query.expressionMap.joinAttributes.length > 0) {
    const [rows, totalCount] = await Promise.all([
      limit === 0 ? Promise.resolve([] as T[]) : query.clone().offset(offset).limit(limit).getMany(),
      count(),
    ]);
    return toConnection(rows, offset, limit, totalCount);
  }
  if (limit > 0) {
    // The subquery's parameters are the page's own (same names, same values): the clone shares them.
    const total = options.total === 'window' ? 'count(*) OVER ()' : `(${query.clone().orderBy().select('count(*)').getQuery()})`;
    const { entities, raw } = await query
      .clone()
      .addSelect(total, TOTAL_ALIAS)
      .offset(offset)
      .limit(limit)
      .getRawAndEntities<Record<string, unknown>>();
    if (entities.length > 0) return toConnection(entities, offset, limit, Number(raw[0]![TOTAL_ALIAS]));
    if (offset === 0) return toConnection(entities, offset, limit, 0);
  }
  return toConnection([] as T[], offset, limit, await count());
}
