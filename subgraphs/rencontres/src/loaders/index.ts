import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { loaderByKey, loaderByParent, pagesByParent, rankRows } from '@federess/subgraph-kit';
import { Inscription } from '../entities/inscription';
import { Intervenant } from '../entities/intervenant';
import { Rencontre } from '../entities/rencontre';
import { SessionRencontre } from '../entities/session-rencontre';
import { applyRencontreFiltre, type CheckedFiltre, NO_FILTRE } from '../inputs/rencontre-filtre-sql';

/** Confirmed registrations per rencontre: one grouped count per batch. */
function inscritsByRencontreLoader(dataSource: DataSource): DataLoader<string, number> {
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
function collectiviteRegisteredLoader(dataSource: DataSource): DataLoader<string, boolean> {
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
function nextRencontreByClubLoader(dataSource: DataSource, scope: string | undefined): DataLoader<string, Rencontre | null> {
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
    const rows = await applyRencontreFiltre(query, NO_FILTRE, scope).getMany();
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
    inscritsByRencontre: inscritsByRencontreLoader(dataSource),
    collectiviteRegistered: collectiviteRegisteredLoader(dataSource),
    nextRencontreByClub: nextRencontreByClubLoader(dataSource, scope),
    rencontresByClub: pagesByParent<Rencontre, CheckedFiltre>(dataSource, Rencontre, (sub, clubs, filtre) =>
      applyRencontreFiltre(
        rankRows(sub, 'r.club_id', 'r.debut, r.id').where('r.club_id = ANY(CAST(:page_clubs AS uuid[]))', { page_clubs: clubs }),
        filtre ?? NO_FILTRE,
        scope,
      ),
    ),
    // A collectivité took part in a rencontre when one of its people holds a confirmed registration;
    // GROUP BY makes each (collectivité, rencontre) pair count once before the window functions run.
    participationsByCollectivite: pagesByParent<Rencontre, CheckedFiltre>(dataSource, Rencontre, (sub, collectivites, filtre) =>
      applyRencontreFiltre(
        rankRows(sub.innerJoin(Inscription, 'i', "i.rencontre_id = r.id AND i.statut = 'CONFIRMEE'"), 'i.collectivite_id', 'r.debut, r.id')
          .where('i.collectivite_id = ANY(:page_collectivites)', { page_collectivites: collectivites })
          .groupBy('i.collectivite_id')
          .addGroupBy('r.id'),
        filtre ?? NO_FILTRE,
        scope,
      ),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
