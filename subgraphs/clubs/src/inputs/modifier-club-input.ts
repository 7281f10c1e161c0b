import { Field, InputType } from 'type-graphql';
import { ClubFieldsInput } from './club-input';

export { ContactClubInput } from './club-input';

/**
 * The changes to a club. A field left out is unchanged; `null` clears an optional field. A list,
 * when given, replaces the whole list (contacts, animateurs, partenaires, member collectivités).
 */
@InputType()
export class ModifierClubInput extends ClubFieldsInput {
  @Field(() => String, { nullable: true })
  nom?: string | null;
}
