import DataLoader from 'dataloader';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { type ConnectionData, toConnection } from '@federess/subgraph-kit';
import { Rencontre } from '../entities/rencontre';
import type { FiltreLu } from '../inputs/rencontre-filtre-sql';

/** One parent's page of rencontres: a club's agenda, a collectivité's participations. */
export interface DemandePage {
  readonly parent: string;
  readonly filtre: FiltreLu;
  readonly offset: number;
  readonly limit: number;
}

/**
 * Builds, from an empty sub-query, the rows (parent, rid, total, rang) of every asked parent:
 * `total` = count(*) OVER (PARTITION BY parent), `rang` = row_number() in the page order.
 */
export type Classement = (query: SelectQueryBuilder<Rencontre>, parents: string[], filtre: FiltreLu) => SelectQueryBuilder<Rencontre>;

interface LigneClassee {
  w_parent: string;
  w_total: string;
  w_rang: string;
  rencontre_id: string;
}

/**
 * A loader of pages of rencontres for many parents at once. Requests with the same filter and
 * window share ONE statement: the ranked sub-query numbers each parent's rencontres with window
 * functions, the outer query keeps the rows of the window, plus each parent's first row so that
 * `totalCount` is known even for a page past the end.
 */
export function pagesParParent(dataSource: DataSource, classement: Classement): DataLoader<DemandePage, ConnectionData<Rencontre>, string> {
  const fenetre = (d: DemandePage) => JSON.stringify([d.filtre, d.offset, d.limit]);
  return new DataLoader<DemandePage, ConnectionData<Rencontre>, string>(
    async (demandes) => {
      const groupes = new Map<string, DemandePage[]>();
      for (const d of demandes) groupes.set(fenetre(d), [...(groupes.get(fenetre(d)) ?? []), d]);
      const pages = new Map<string, ConnectionData<Rencontre>>();
      await Promise.all(
        [...groupes.values()].map(async (groupe) => {
          const { filtre, offset, limit } = groupe[0]!;
          const parents = [...new Set(groupe.map((d) => d.parent))];
          const { entities, raw } = await dataSource
            .getRepository(Rencontre)
            .createQueryBuilder('rencontre')
            .innerJoin((sub) => classement(sub.from(Rencontre, 'r'), parents, filtre), 'w', 'w.rid = rencontre.id')
            .addSelect('w.parent', 'w_parent')
            .addSelect('w.total', 'w_total')
            .addSelect('w.rang', 'w_rang')
            .where('(w.rang = 1 OR (w.rang > :w_debut AND w.rang <= :w_fin))', { w_debut: offset, w_fin: offset + limit })
            .orderBy('w.parent')
            .addOrderBy('w.rang')
            .getRawAndEntities<LigneClassee>();
          const parId = new Map(entities.map((e) => [e.id, e]));
          const lignes = new Map<string, { total: number; rows: Rencontre[] }>();
          for (const ligne of raw) {
            const page = lignes.get(ligne.w_parent) ?? { total: Number(ligne.w_total), rows: [] };
            lignes.set(ligne.w_parent, page);
            const rang = Number(ligne.w_rang);
            const rencontre = parId.get(ligne.rencontre_id);
            if (rencontre && rang > offset && rang <= offset + limit) page.rows.push(rencontre);
          }
          for (const parent of parents) {
            const page = lignes.get(parent) ?? { total: 0, rows: [] };
            pages.set(JSON.stringify([parent, fenetre(groupe[0]!)]), toConnection(page.rows, offset, limit, page.total));
          }
        }),
      );
      return demandes.map((d) => pages.get(JSON.stringify([d.parent, fenetre(d)]))!);
    },
    { cacheKeyFn: (d) => JSON.stringify([d.parent, fenetre(d)]) },
  );
}
