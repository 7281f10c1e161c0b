import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '@federess/subgraph-kit';
import { Thematique } from '@federess/vocabulaire';
import { FormatRencontre, StatutRencontre, TypeRencontre } from '../entities/enums';

@InputType({
  description: 'Critères de recherche de rencontres ; les critères se cumulent (ET), les valeurs d’une liste s’additionnent (OU)',
})
export class RencontreFiltre {
  @Field(() => [String], { nullable: true, description: 'Codes de région (ARA, BRE, …)' })
  regions?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true : seulement les rencontres nationales du RTES (sans région) ; false : seulement les rencontres régionales',
  })
  nationales?: boolean | null;

  @Field(() => [ID], { nullable: true, description: 'Identifiants de clubs' })
  clubs?: string[] | null;

  @Field(() => [Thematique], { nullable: true, description: 'Au moins une de ces thématiques' })
  thematiques?: Thematique[] | null;

  @Field(() => [FormatRencontre], { nullable: true })
  formats?: FormatRencontre[] | null;

  @Field(() => [StatutRencontre], { nullable: true, description: 'Statuts tels que renvoyés par le champ statut (PASSEE compris)' })
  statuts?: StatutRencontre[] | null;

  @Field(() => [TypeRencontre], { nullable: true })
  types?: TypeRencontre[] | null;

  @Field(() => Date, { nullable: true, description: 'Rencontres qui commencent à cette date ou après' })
  depuis?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Rencontres qui commencent à cette date ou avant' })
  jusqua?: Date | null;

  @Field(() => String, { nullable: true, description: 'Mots du titre ou du résumé, sans tenir compte des accents ni de la casse' })
  recherche?: string | null;
}

@ArgsType()
export class RencontresArgs extends PageArgs {
  @Field(() => RencontreFiltre, { nullable: true })
  filtre?: RencontreFiltre | null;
}
