import type { DataSource } from 'typeorm';
import { loaderByKey, loaderByParent } from '@federess/subgraph-kit';
import { Club } from '../entities/club';
import { ClubCollectivite } from '../entities/club-collectivite';
import { ClubOrganisation } from '../entities/club-organisation';
import { ContactClub } from '../entities/contact-club';
import { Organisation } from '../entities/organisation';

/** Per-request loaders: every related row goes through one, so SQL grows with depth, not rows. */
export function createLoaders(dataSource: DataSource) {
  return {
    /** Keys must be UUIDs (the column is uuid): callers check ids with parseClubId first. */
    clubById: loaderByKey(dataSource, Club, 'id'),
    clubByRegion: loaderByKey(dataSource, Club, 'regionCode'),
    organisationById: loaderByKey(dataSource, Organisation, 'id'),
    /** Animateurs and partenaires of a club share this loader (organisations joined), so both lists cost one statement. */
    organisationsByClub: loaderByParent(dataSource, ClubOrganisation, 'clubId', { position: 'ASC' }),
    contactsByClub: loaderByParent(dataSource, ContactClub, 'clubId', { position: 'ASC' }),
    membresByClub: loaderByParent(dataSource, ClubCollectivite, 'clubId', { collectiviteId: 'ASC' }),
    adhesionsByCollectivite: loaderByParent(dataSource, ClubCollectivite, 'collectiviteId', { clubId: 'ASC' }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
