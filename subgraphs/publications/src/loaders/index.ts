import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { loaderByKey, loaderByParent, pagesByParent, rankRows } from '@federess/subgraph-kit';
import { Publication } from '../entities/publication';
import { PublicationCollectivite } from '../entities/publication-collectivite';

/**
 * Each parent's publications, newest first, numbered for pagesByParent. `scope` (the instance's
 * région) limits the rows; parents outside it must not be asked for.
 */
const rankedBy =
  (column: 'club_id' | 'region_code', scope: string | undefined) =>
  (sub: SelectQueryBuilder<Publication>, parents: string[]): SelectQueryBuilder<Publication> => {
    const ranked = rankRows(sub, `r.${column}`, 'r.date_publication DESC, r.id ASC').where(`r.${column} = ANY(:page_parents)`, {
      page_parents: parents,
    });
    return scope ? ranked.andWhere('r.region_code = :page_scope', { page_scope: scope }) : ranked;
  };

/** Per-request loaders: every related row goes through one, so SQL grows with depth, not rows. */
export function createLoaders(dataSource: DataSource, scope: string | undefined) {
  return {
    /** Keys must be UUIDs (the column is uuid): callers check ids first. */
    publicationById: loaderByKey(dataSource, Publication, 'id'),
    /** Keys must be UUIDs. Rows of every région: callers apply the instance's scope. */
    publicationsByRencontre: loaderByParent(dataSource, Publication, 'rencontreId', { datePublication: 'DESC', id: 'ASC' }),
    collectivitesByPublication: loaderByParent(dataSource, PublicationCollectivite, 'publicationId', { rang: 'ASC' }),
    /** Pages of publications per club (UUID keys), within the instance's scope. */
    publicationsByClub: pagesByParent(dataSource, Publication, rankedBy('club_id', scope)),
    /** Pages of regional publications per région code, within the instance's scope. */
    publicationsByRegion: pagesByParent(dataSource, Publication, rankedBy('region_code', scope)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
