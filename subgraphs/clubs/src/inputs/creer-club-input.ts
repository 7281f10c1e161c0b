import { Field, InputType } from 'type-graphql';
import { ClubFieldsInput } from './club-input';

/**
 * A new club: its région (one club per région, whose id is derived from it) and its name are
 * required; the other fields are those of ModifierClubInput, a field or list left out is empty.
 */
@InputType()
export class CreerClubInput extends ClubFieldsInput {
  @Field({ description: 'Code de la région du club (ARA, BRE, …) : un seul club par région' })
  region: string;

  @Field()
  nom: string;
}
