import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The Club entity of the clubs subgraph, by key only; this subgraph adds `publications` to it. */
@ObjectType('Club')
@Directive('@key(fields: "id")')
export class ClubReference {
  @Field(() => ID)
  id: string;
}
