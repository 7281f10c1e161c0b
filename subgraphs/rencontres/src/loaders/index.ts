import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { loaderByKey, loaderByParent } from '@federess/subgraph-kit';
import { Inscription } from '../entities/inscription';
import { Intervenant } from '../entities/intervenant';
import { Rencontre } from '../entities/rencontre';
import { SessionRencontre } from '../entities/session-rencontre';
import { appliquerFiltre, SANS_FILTRE } from '../inputs/rencontre-filtre-sql';
import { pagesParParent } from './pages-par-parent';

/** Confirmed registrations per rencontre: one grouped count per batch. */
function inscritsParRencontre(dataSource: DataSource): DataLoader<string, number> {
  return new DataLoader(async (ids) => {
    const rows: { rencontre_id: string; n: number }[] = await dataSource.query(
      `SELECT rencontre_id, count(*)::int AS n FROM inscription
       WHERE statut = 'CONFIRMEE' AND rencontre_id = ANY($1::uuid[]) GROUP BY rencontre_id`,
      [ids],
    );
    const counts = new Map(rows.map((row) => [row.rencontre_id, row.n]));
    return ids.map((id) => counts.get(id) ?? 0);
  });
}

/**
 * Whether a collectivité holds a confirmed registration to a rencontre, by `collectivité|rencontre`
 * key: the question the online-link rule asks for an adherent. One statement per batch.
 */
function collectiviteInscrite(dataSource: DataSource): DataLoader<string, boolean> {
  return new DataLoader(async (keys) => {
    const pairs = keys.map((key) => key.split('|') as [string, string]);
    const rows: { c: string; r: string }[] = await dataSource.query(
      `SELECT DISTINCT collectivite_id AS c, rencontre_id::text AS r FROM inscription
       WHERE statut = 'CONFIRMEE' AND collectivite_id = ANY($1) AND rencontre_id = ANY($2::uuid[])`,
      [[...new Set(pairs.map(([c]) => c))], [...new Set(pairs.map(([, r]) => r))]],
    );
    const found = new Set(rows.map((row) => `${row.c}|${row.r}`));
    return keys.map((key) => found.has(key));
  });
}

/** The next rencontre of each club (not cancelled, not started): DISTINCT ON, one statement per batch. */
function prochaineParClub(dataSource: DataSource, scope: string | undefined): DataLoader<string, Rencontre | null> {
  return new DataLoader(async (clubIds) => {
    const query = dataSource
      .getRepository(Rencontre)
      .createQueryBuilder('r')
      .distinctOn(['r.club_id'])
      .where('r.club_id = ANY(CAST(:clubs AS uuid[]))', { clubs: [...clubIds] })
      .andWhere("r.statut <> 'ANNULEE'")
      .andWhere('r.debut > now()')
      .orderBy('r.club_id')
      .addOrderBy('r.debut')
      .addOrderBy('r.id');
    const rows = await appliquerFiltre(query, SANS_FILTRE, scope).getMany();
    const byClub = new Map(rows.map((row) => [row.clubId, row]));
    return clubIds.map((id) => byClub.get(id) ?? null);
  });
}

/** Per-request loaders: every related row goes through one, so SQL grows with depth, not rows. */
export function createLoaders(dataSource: DataSource, scope: string | undefined) {
  return {
    rencontreById: loaderByKey(dataSource, Rencontre, 'id'),
    sessionsByRencontre: loaderByParent(dataSource, SessionRencontre, 'rencontreId', { ordre: 'ASC' }),
    intervenantsByRencontre: loaderByParent(dataSource, Intervenant, 'rencontreId', { ordre: 'ASC' }),
    inscriptionsByRencontre: loaderByParent(dataSource, Inscription, 'rencontreId', { creeLe: 'ASC', id: 'ASC' }),
    inscritsByRencontre: inscritsParRencontre(dataSource),
    collectiviteInscrite: collectiviteInscrite(dataSource),
    prochaineByClub: prochaineParClub(dataSource, scope),
    rencontresByClub: pagesParParent(dataSource, (query, clubs, filtre) =>
      appliquerFiltre(
        query
          .select('r.club_id', 'parent')
          .addSelect('r.id', 'rid')
          .addSelect('count(*) OVER (PARTITION BY r.club_id)', 'total')
          .addSelect('row_number() OVER (PARTITION BY r.club_id ORDER BY r.debut, r.id)', 'rang')
          .where('r.club_id = ANY(CAST(:w_clubs AS uuid[]))', { w_clubs: clubs }),
        filtre,
        scope,
      ),
    ),
    // A collectivité took part in a rencontre when one of its people holds a confirmed registration;
    // GROUP BY makes each (collectivité, rencontre) pair count once before the window functions run.
    participationsByCollectivite: pagesParParent(dataSource, (query, collectivites, filtre) =>
      appliquerFiltre(
        query
          .innerJoin(Inscription, 'i', "i.rencontre_id = r.id AND i.statut = 'CONFIRMEE'")
          .select('i.collectivite_id', 'parent')
          .addSelect('r.id', 'rid')
          .addSelect('count(*) OVER (PARTITION BY i.collectivite_id)', 'total')
          .addSelect('row_number() OVER (PARTITION BY i.collectivite_id ORDER BY r.debut, r.id)', 'rang')
          .where('i.collectivite_id = ANY(:w_collectivites)', { w_collectivites: collectivites })
          .groupBy('i.collectivite_id')
          .addGroupBy('r.id'),
        filtre,
        scope,
      ),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
