import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { loaderByKey, loaderByParent } from '@federess/subgraph-kit';
import { Club } from '../entities/club';
import { ClubCollectivite } from '../entities/club-collectivite';
import { ClubOrganisation } from '../entities/club-organisation';
import { ContactClub } from '../entities/contact-club';
import { Organisation } from '../entities/organisation';

/**
 * The clubs a collectivité is a member of (by club id), for many collectivités in ONE statement: the
 * clubs joined to their member links, where two loaders in a row (links, then clubs) took two. The
 * clubs read are primed into `clubById`, so a later lookup of the same club costs nothing.
 */
function clubsByCollectiviteLoader(dataSource: DataSource, clubById: DataLoader<string, Club | null>): DataLoader<string, Club[]> {
  return new DataLoader(async (ids) => {
    const { entities, raw } = await dataSource
      .getRepository(Club)
      .createQueryBuilder('club')
      .innerJoin(ClubCollectivite, 'cc', 'cc.club_id = club.id')
      .addSelect('cc.collectivite_id', 'cc_collectivite')
      .where('cc.collectivite_id = ANY(:ids)', { ids: [...ids] })
      .orderBy('cc.club_id', 'ASC')
      .getRawAndEntities<{ club_id: string; cc_collectivite: string }>();
    const byId = new Map(entities.map((club) => [club.id, club]));
    for (const club of entities) clubById.prime(club.id, club);
    const groups = new Map<string, Club[]>(ids.map((id) => [id, []]));
    for (const row of raw) {
      const club = byId.get(row.club_id);
      if (club) groups.get(row.cc_collectivite)?.push(club);
    }
    return ids.map((id) => groups.get(id) ?? []);
  });
}

/** Per-request loaders: every related row goes through one, so SQL grows with depth, not rows. */
export function createLoaders(dataSource: DataSource) {
  /** Keys must be UUIDs (the column is uuid): callers check ids with parseClubId first. */
  const clubById = loaderByKey(dataSource, Club, 'id');
  return {
    clubById,
    clubByRegion: loaderByKey(dataSource, Club, 'regionCode'),
    organisationById: loaderByKey(dataSource, Organisation, 'id'),
    /** Animateurs and partenaires of a club share this loader (organisations joined), so both lists cost one statement. */
    organisationsByClub: loaderByParent(dataSource, ClubOrganisation, 'clubId', { position: 'ASC' }),
    contactsByClub: loaderByParent(dataSource, ContactClub, 'clubId', { position: 'ASC' }),
    membresByClub: loaderByParent(dataSource, ClubCollectivite, 'clubId', { collectiviteId: 'ASC' }),
    adhesionsByCollectivite: loaderByParent(dataSource, ClubCollectivite, 'collectiviteId', { clubId: 'ASC' }),
    /** The clubs of each collectivité, ordered by club id: links and clubs in one statement. */
    clubsByCollectivite: clubsByCollectiviteLoader(dataSource, clubById),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
