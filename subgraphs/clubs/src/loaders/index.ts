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

/**
 * Clubs by id with their animateurs and partenaires, in ONE statement: the links and organisations
 * are joined and primed into `organisationsByClub`, so a club page reads its club and its animateurs
 * in the statement that finds the club (a second loader wave took a second statement).
 */
function clubsAvecOrganisations(dataSource: DataSource, organisationsByClub: DataLoader<string, ClubOrganisation[]>) {
  return new DataLoader<string, Club | null>(async (ids) => {
    const clubs = await dataSource
      .getRepository(Club)
      .createQueryBuilder('club')
      .leftJoinAndMapMany('club.liens', ClubOrganisation, 'lien', 'lien.club_id = club.id')
      .leftJoinAndSelect('lien.organisation', 'organisation')
      .where('club.id = ANY(CAST(:ids AS uuid[]))', { ids: [...ids] })
      .orderBy('lien.position', 'ASC')
      .getMany();
    const byId = new Map<string, Club>();
    for (const club of clubs as (Club & { liens?: ClubOrganisation[] })[]) {
      organisationsByClub.prime(club.id, club.liens ?? []);
      delete club.liens;
      byId.set(club.id, club);
    }
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Per-request loaders: every related row goes through one, so SQL grows with depth, not rows. */
export function createLoaders(dataSource: DataSource) {
  /** Animateurs and partenaires of a club share this loader (organisations joined), so both lists cost one statement. */
  const organisationsByClub = loaderByParent(dataSource, ClubOrganisation, 'clubId', { position: 'ASC' });
  /** Keys must be UUIDs (the column is uuid): callers check ids with parseClubId first. */
  const clubById = clubsAvecOrganisations(dataSource, organisationsByClub);
  return {
    clubById,
    clubByRegion: loaderByKey(dataSource, Club, 'regionCode'),
    organisationById: loaderByKey(dataSource, Organisation, 'id'),
    organisationsByClub,
    contactsByClub: loaderByParent(dataSource, ContactClub, 'clubId', { position: 'ASC' }),
    membresByClub: loaderByParent(dataSource, ClubCollectivite, 'clubId', { collectiviteId: 'ASC' }),
    adhesionsByCollectivite: loaderByParent(dataSource, ClubCollectivite, 'collectiviteId', { clubId: 'ASC' }),
    /** The clubs of each collectivité, ordered by club id: links and clubs in one statement. */
    clubsByCollectivite: clubsByCollectiviteLoader(dataSource, clubById),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
