import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The Collectivite entity of the collectivites subgraph, by key only; this subgraph adds `clubs` to it. */
@ObjectType('Collectivite')
@Directive('@key(fields: "id")')
export class CollectiviteReference {
  @Field(() => ID)
  id: string;
}
