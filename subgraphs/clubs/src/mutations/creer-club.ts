import type { EntityManager } from 'typeorm';
import { ClientError, ErrorCode, uniqueViolation } from '@federess/server-kit';
import { clubIdOfRegion } from '@federess/vocabulaire';
import { Club } from '../entities/club';
import type { ClubChanges } from '../inputs/validate-modifier-club';
import { checkOrganisations, writeClubLists } from './modifier-club';
import { changedMembers, recordClubChange, ClubChangeKind } from './record-change';

/** The région already has its club (one club per région: the primary key and `region_code` are unique). */
function clubExists(regionCode: string, id: string): ClientError {
  return new ClientError(ErrorCode.CONFLICT, `La région ${regionCode} a déjà son club (${id}) : modifiez-le avec modifierClub.`, {
    region: regionCode,
    id,
  });
}

/**
 * Creates the club of a région with checked fields, inside the caller's transaction. A région that
 * already has its club is a CONFLICT; the check before the insert answers the usual case, and the
 * primary key (the id is derived from the région) and the unique `region_code` decide between two
 * concurrent creations: the second insert waits for the first to commit, then fails with a unique
 * violation, answered as CONFLICT too. Any fault thrown here rolls the whole creation back, so
 * nothing is written when it is refused. The caller has checked the instance scope (OUT_OF_REGION
 * comes before the token's rights); `scope` serves the organisations' check.
 */
export async function createClub(
  manager: EntityManager,
  regionCode: string,
  changes: ClubChanges,
  scope: string | undefined,
): Promise<Club> {
  const id = clubIdOfRegion(regionCode);
  if (await manager.getRepository(Club).exists({ where: [{ id }, { regionCode }] })) throw clubExists(regionCode, id);
  try {
    await manager.insert(Club, { ...changes.columns, id, regionCode });
  } catch (error) {
    if (uniqueViolation(error)?.table === 'club') throw clubExists(regionCode, id);
    throw error;
  }
  // As for modifierClub: organisations must exist and be readable from this instance.
  await checkOrganisations(manager, changes.organisationIds, scope);
  await writeClubLists(manager, id, changes);
  await recordClubChange(manager, ClubChangeKind.CREE, { id, regionCode }, changedMembers([], changes.collectiviteIds));
  return manager.getRepository(Club).findOneByOrFail({ id });
}
