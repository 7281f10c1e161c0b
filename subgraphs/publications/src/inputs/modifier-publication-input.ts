import { Field, ID, InputType, Int } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Thematique } from '@federess/vocabulaire';
import { AccesPublication, TypePublication } from '../entities/enums';

@InputType({
  description:
    'Modification partielle : un champ absent reste inchangé ; null efface un champ facultatif (résumé, numéro, fichier, lien, région, club, rencontre)',
})
export class ModifierPublicationInput {
  @Field(() => String, { nullable: true })
  titre?: string | null;

  @Field(() => String, { nullable: true })
  resume?: string | null;

  @Field(() => TypePublication, { nullable: true })
  type?: TypePublication | null;

  @Field(() => String, { nullable: true })
  collection?: string | null;

  @Field(() => Int, { nullable: true })
  numero?: number | null;

  @Field(() => GraphQLLocalDate, { nullable: true })
  datePublication?: string | null;

  @Field(() => String, { nullable: true })
  editeur?: string | null;

  @Field(() => [Thematique], { nullable: true, description: 'Remplace la liste' })
  thematiques?: Thematique[] | null;

  @Field(() => AccesPublication, { nullable: true })
  acces?: AccesPublication | null;

  @Field(() => String, { nullable: true })
  fichier?: string | null;

  @Field(() => String, { nullable: true })
  lien?: string | null;

  @Field(() => String, { nullable: true, description: 'Code de la région ; null : publication nationale' })
  region?: string | null;

  @Field(() => ID, { nullable: true, description: 'Le club ; la région suit celle du club' })
  clubId?: string | null;

  @Field(() => ID, { nullable: true })
  rencontreId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Remplace la liste des collectivités citées' })
  collectivitesCitees?: string[] | null;
}
