import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The Rencontre entity of the rencontres subgraph, by key only; this subgraph adds `ressources` to it. */
@ObjectType('Rencontre')
@Directive('@key(fields: "id")')
export class RencontreReference {
  @Field(() => ID)
  id: string;
}
