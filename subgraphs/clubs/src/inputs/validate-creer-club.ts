import { badInput } from '@federess/server-kit';
import { findRegion, REGION_CODES } from '@federess/vocabulaire';
import type { CreerClubInput } from './creer-club-input';
import { type ClubChanges, validateModifierClub } from './validate-modifier-club';

/** Checks the région of a new club: an unknown code is a BAD_USER_INPUT naming the valid ones. */
export function parseClubRegion(code: string, champ = 'region'): string {
  const region = findRegion(code.trim());
  if (!region) throw badInput(`${champ} : région inconnue : ${code}. Codes valides : ${REGION_CODES.join(', ')}.`, { champ, region: code });
  return region.code;
}

/**
 * Checks the fields of a new club with the rules of modifierClub. The name is required (the schema
 * makes it non-null; blank is refused here); a list left out is empty.
 */
export function validateCreerClub(input: CreerClubInput): ClubChanges {
  return validateModifierClub({ ...input, nom: input.nom ?? '' });
}
