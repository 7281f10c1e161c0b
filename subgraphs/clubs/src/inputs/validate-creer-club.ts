import type { CreerClubInput } from './creer-club-input';
import { type ClubChanges, validateModifierClub } from './validate-modifier-club';

/**
 * Checks the fields of a new club with the rules of modifierClub. The name is required (the schema
 * makes it non-null; blank is refused here); a list left out is empty.
 */
export function validateCreerClub(input: CreerClubInput): ClubChanges {
  return validateModifierClub({ ...input, nom: input.nom ?? '' });
}
