import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { PageArgs } from '@federess/subgraph-kit';
import { Thematique } from '@federess/vocabulaire';
import { AccesPublication, TypePublication } from '../entities/enums';

@InputType({ description: 'Critères de recherche des publications ; tous se combinent (ET)' })
export class PublicationFiltre {
  @Field(() => [String], { nullable: true, description: 'Codes de région (ARA, BRE, …) : leurs publications régionales' })
  regions?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true : seulement les publications nationales (sans région), ou en plus celles des `regions` données ; false : seulement les publications régionales',
  })
  nationales?: boolean | null;

  @Field(() => [ID], { nullable: true, description: 'Identifiants de clubs' })
  clubs?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Identifiants de rencontres : leurs ressources' })
  rencontres?: string[] | null;

  @Field(() => [Thematique], { nullable: true, description: 'Au moins une de ces thématiques' })
  thematiques?: Thematique[] | null;

  @Field(() => [TypePublication], { nullable: true })
  types?: TypePublication[] | null;

  @Field(() => AccesPublication, { nullable: true })
  acces?: AccesPublication | null;

  @Field(() => [String], { nullable: true, description: 'Noms exacts de collections (« Points de RepèrESS », « Kit RégionalESS », …)' })
  collections?: string[] | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Publiées ce jour ou après' })
  depuis?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: "Publiées ce jour ou avant (jusqu'à)" })
  jusqua?: string | null;

  @Field(() => String, { nullable: true, description: 'Mots du titre ou du résumé, insensible aux accents et à la casse' })
  recherche?: string | null;
}

@ArgsType()
export class PublicationsArgs extends PageArgs {
  @Field(() => PublicationFiltre, { nullable: true })
  filtre?: PublicationFiltre | null;
}
