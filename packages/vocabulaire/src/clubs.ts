import { REGIONS } from './regions';
import { stableUuid } from './stable-uuid';

/**
 * There is one club per région, so a club's id is derived from its région's code. This is how the
 * rencontres and publications subgraphs know the région of a club they are given, without a SQL
 * link to the clubs database (subgraphs share entity keys only).
 */
export function clubIdOfRegion(regionCode: string): string {
  return stableUuid(`club:${regionCode}`);
}

const regionByClubId = new Map(REGIONS.map((r) => [clubIdOfRegion(r.code), r.code]));

/** The région of a club id, or undefined for an id that is no club's. */
export function regionOfClubId(clubId: string): string | undefined {
  return regionByClubId.get(clubId);
}
