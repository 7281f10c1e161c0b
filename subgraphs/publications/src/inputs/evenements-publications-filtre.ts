import { ArgsType, Field, InputType } from 'type-graphql';
import { EventSyncArgs } from '@federess/subgraph-kit';
import { Thematique } from '@federess/vocabulaire';
import { TypePublication } from '../entities/enums';

/**
 * Which changes a delta sync receives, with the names of PublicationFiltre (the full load it
 * follows). A change is received when the publication matched the filter before or after it: a
 * publication that leaves a région, a type, a collection or a thématique is received once more,
 * showing where it went.
 */
@InputType({
  description:
    'Quels changements recevoir ; un critère absent ne filtre pas. Une publication qui sort du filtre est reçue une dernière fois.',
})
export class EvenementsPublicationsFiltre {
  @Field(() => [String], { nullable: true, description: 'Codes de région (ARA, BRE, …) : leurs publications régionales' })
  regions?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Noms exacts de collections (« Points de RepèrESS », « Kit RégionalESS », …)' })
  collections?: string[] | null;

  @Field(() => [TypePublication], { nullable: true })
  types?: TypePublication[] | null;

  @Field(() => [Thematique], { nullable: true, description: 'Au moins une de ces thématiques' })
  thematiques?: Thematique[] | null;
}

/** The delta sync's arguments: where its page starts, how long it is, which changes. */
@ArgsType()
export class EvenementsPublicationsArgs extends EventSyncArgs {
  @Field(() => EvenementsPublicationsFiltre, { nullable: true })
  filtre?: EvenementsPublicationsFiltre | null;
}
