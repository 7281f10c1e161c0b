import type { EntityManager } from 'typeorm';
import { appendEvent, entityTag, entityTags, rootFieldTag } from '@federess/events';
import type { Club } from '../entities/club';

/** What a change of a club was. */
export enum ClubChangeKind {
  CREE = 'CREE',
  MODIFIE = 'MODIFIE',
}

/** The collectivités that joined or left the club: their `clubs` lists changed (those that stayed list the same club). */
export function changedMembers(before: readonly string[], after: readonly string[] | undefined): string[] {
  if (!after) return [];
  const kept = new Set(before);
  const now = new Set(after);
  return [...before.filter((id) => !now.has(id)), ...after.filter((id) => !kept.has(id))];
}

/**
 * Writes the event of a change of a club in its transaction, as its last write (see appendEvent). It
 * names what the change may alter in this subgraph: the club, its région (`Region.club`), the
 * collectivités that joined or left it (`Collectivite.clubs`), the list of clubs (`Query.clubs`, by
 * name and région) and, for a creation, `Query.club` (which may have answered null for its id).
 */
export async function recordClubChange(
  manager: EntityManager,
  type: ClubChangeKind,
  club: Pick<Club, 'id' | 'regionCode'>,
  members: readonly string[],
): Promise<void> {
  await appendEvent(manager, {
    type,
    entite: 'Club',
    entiteId: club.id,
    region: club.regionCode,
    revision: null,
    entites: [entityTag('Club', club.id), entityTag('Region', club.regionCode), ...entityTags('Collectivite', members)],
    listes: [rootFieldTag('clubs'), ...(type === ClubChangeKind.CREE ? [rootFieldTag('club')] : [])],
    donnees: {},
  });
}
