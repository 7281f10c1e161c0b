import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { EventSyncArgs } from '@federess/subgraph-kit';
import { Thematique } from '@federess/vocabulaire';
import { TypeRencontre } from '../entities/enums';
import { TypeEvenement } from '../entities/enums';

@InputType({ description: 'Quels changements recevoir ; un critère absent ne filtre pas' })
export class RencontresEnDirectFiltre {
  @Field(() => [String], { nullable: true, description: 'Codes de région (ARA, BRE, …)' })
  regions?: string[] | null;

  @Field(() => [ID], { nullable: true })
  clubs?: string[] | null;

  @Field(() => [Thematique], { nullable: true, description: 'Au moins une de ces thématiques' })
  thematiques?: Thematique[] | null;

  @Field(() => [TypeEvenement], { nullable: true, description: "Types d'événements" })
  types?: TypeEvenement[] | null;

  @Field(() => [TypeRencontre], { nullable: true, description: 'Types de rencontres' })
  typesRencontre?: TypeRencontre[] | null;
}

/** The delta sync's arguments: where its page starts, how long it is, which changes. */
@ArgsType()
export class EvenementsRencontresArgs extends EventSyncArgs {
  @Field(() => RencontresEnDirectFiltre, { nullable: true })
  filtre?: RencontresEnDirectFiltre | null;
}
