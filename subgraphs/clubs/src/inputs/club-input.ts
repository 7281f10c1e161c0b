import { Field, ID, InputType, Int } from 'type-graphql';
import { Thematique } from '@federess/vocabulaire';

@InputType({ description: 'Une personne à contacter pour le club' })
export class ContactClubInput {
  @Field()
  nom: string;

  @Field(() => String, { nullable: true })
  role?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  telephone?: string | null;

  @Field(() => ID, { nullable: true, description: "L'organisation de la personne" })
  organisationId?: string | null;
}

/**
 * The fields of a club an editor gives, but its name (required on creation only): shared by
 * ModifierClubInput and CreerClubInput and checked by the same validateModifierClub. Never used as
 * an argument itself, so it is not in the schema (type-graphql emits reachable types only).
 */
@InputType('ClubFieldsInput')
export abstract class ClubFieldsInput {
  /** Declared by each input: optional in ModifierClubInput, required in CreerClubInput. */
  abstract nom?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  frequence?: string | null;

  @Field(() => String, { nullable: true })
  modalitesParticipation?: string | null;

  @Field(() => String, { nullable: true })
  chiffresParticipation?: string | null;

  @Field(() => Int, { nullable: true })
  nombreParticipants?: number | null;

  @Field(() => Int, { nullable: true })
  nombreCollectivites?: number | null;

  @Field(() => Int, { nullable: true })
  anneeChiffres?: number | null;

  @Field(() => Int, { nullable: true })
  anneeLancement?: number | null;

  @Field(() => String, { nullable: true })
  siteWeb?: string | null;

  @Field(() => [String], { nullable: true })
  exemplesThemes?: string[] | null;

  @Field(() => [Thematique], { nullable: true })
  thematiques?: Thematique[] | null;

  @Field(() => [ContactClubInput], { nullable: true })
  contacts?: ContactClubInput[] | null;

  @Field(() => [ID], { nullable: true, description: 'Les organisations qui animent le club' })
  animateurIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Les organisations partenaires du club' })
  partenaireIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Les collectivités membres (COMMUNE:<insee>, EPCI:<siren>, …)' })
  collectiviteIds?: string[] | null;
}
