import { Field, ID, InputType, Int } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Thematique } from '@federess/vocabulaire';
import { AccesPublication, TypePublication } from '../entities/enums';

@InputType({ description: 'Une nouvelle publication' })
export class CreerPublicationInput {
  @Field({ description: '300 caractères au plus' })
  titre: string;

  @Field(() => String, { nullable: true, description: '5 000 caractères au plus' })
  resume?: string | null;

  @Field(() => TypePublication)
  type: TypePublication;

  @Field(() => String, { nullable: true })
  collection?: string | null;

  @Field(() => Int, { nullable: true, description: 'Numéro dans la collection (exige une collection)' })
  numero?: number | null;

  @Field(() => GraphQLLocalDate)
  datePublication: string;

  @Field({ description: 'RTES, Intercommunalités de France, la CRESS, …' })
  editeur: string;

  @Field(() => [Thematique], { nullable: true })
  thematiques?: Thematique[] | null;

  @Field(() => AccesPublication, { nullable: true, description: 'PUBLIC par défaut' })
  acces?: AccesPublication | null;

  @Field(() => String, { nullable: true, description: 'URL http(s) du document' })
  fichier?: string | null;

  @Field(() => String, { nullable: true, description: 'URL http(s) de la page de la publication' })
  lien?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Code de la région ; déduit du club quand un club est donné ; publication nationale quand aucun',
  })
  region?: string | null;

  @Field(() => ID, { nullable: true })
  clubId?: string | null;

  @Field(() => ID, { nullable: true, description: 'La rencontre dont la publication est une ressource' })
  rencontreId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Identifiants des collectivités citées (COMMUNE:<insee>, EPCI:<siren>, …)' })
  collectivitesCitees?: string[] | null;
}
