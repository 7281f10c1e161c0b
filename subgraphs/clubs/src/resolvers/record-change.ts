import type { EntityManager } from 'typeorm';
import { appendEvent, entityTag, entityTags, rootFieldTag } from '@federess/events';
import type { Club } from '../entities/club';

/** What a change of a club was. */
export enum TypeChangementClub {
  CREE = 'CREE',
  MODIFIE = 'MODIFIE',
}

/** The collectivités that joined or left the club: their `clubs` lists changed (those that stayed list the same club). */
export function membresChanges(avant: readonly string[], apres: readonly string[] | undefined): string[] {
  if (!apres) return [];
  const before = new Set(avant);
  const after = new Set(apres);
  return [...avant.filter((id) => !after.has(id)), ...apres.filter((id) => !before.has(id))];
}

/**
 * Writes the event of a change of a club in its transaction, as its last write (see appendEvent). It
 * names what the change may alter in this subgraph: the club, its région (`Region.club`), the
 * collectivités that joined or left it (`Collectivite.clubs`), the list of clubs (`Query.clubs`, by
 * name and région) and, for a creation, `Query.club` (which may have answered null for its id).
 */
export async function recordClubChange(
  manager: EntityManager,
  type: TypeChangementClub,
  club: Pick<Club, 'id' | 'regionCode'>,
  membres: readonly string[],
): Promise<void> {
  await appendEvent(manager, {
    type,
    entite: 'Club',
    entiteId: club.id,
    region: club.regionCode,
    revision: null,
    entites: [entityTag('Club', club.id), entityTag('Region', club.regionCode), ...entityTags('Collectivite', membres)],
    listes: [rootFieldTag('clubs'), ...(type === TypeChangementClub.CREE ? [rootFieldTag('club')] : [])],
    donnees: {},
  });
}
