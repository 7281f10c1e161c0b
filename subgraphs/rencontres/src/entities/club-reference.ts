import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The clubs subgraph's Club, known here by its key only; this subgraph adds its rencontres. */
@ObjectType('Club')
@Directive('@key(fields: "id")')
export class ClubReference {
  @Field(() => ID)
  id: string;
}
