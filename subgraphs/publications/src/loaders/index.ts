import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { type ConnectionData, loaderByKey, loaderByParent } from '@federess/subgraph-kit';
import { Publication } from '../entities/publication';
import { PublicationCollectivite } from '../entities/publication-collectivite';
import { type Page, type ParentColumn, pagesByParent } from './pages-by-parent';

/** Per-request loaders: every related row goes through one, so SQL grows with depth, not rows. */
export function createLoaders(dataSource: DataSource, scope: string | undefined) {
  // Pages of different sizes cannot share a statement: one loader per (parent column, page).
  const pageLoaders = new Map<string, DataLoader<string, ConnectionData<Publication>>>();
  return {
    /** Keys must be UUIDs (the column is uuid): callers check ids first. */
    publicationById: loaderByKey(dataSource, Publication, 'id'),
    /** Keys must be UUIDs. Rows of every région: callers apply the instance's scope. */
    publicationsByRencontre: loaderByParent(dataSource, Publication, 'rencontreId', { datePublication: 'DESC', id: 'ASC' }),
    collectivitesByPublication: loaderByParent(dataSource, PublicationCollectivite, 'publicationId', { rang: 'ASC' }),
    /** Pages of publications per club (UUID keys) or per région code, within the instance's scope. */
    publicationPages(column: ParentColumn, page: Page): DataLoader<string, ConnectionData<Publication>> {
      const key = `${column}:${page.offset}:${page.limit}`;
      let loader = pageLoaders.get(key);
      if (!loader) {
        loader = pagesByParent(dataSource, column, page, scope);
        pageLoaders.set(key, loader);
      }
      return loader;
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
