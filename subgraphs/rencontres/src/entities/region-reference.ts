import { Directive, Field, ObjectType } from 'type-graphql';

/** The collectivites subgraph's Region, known here by its key only. */
@ObjectType('Region')
@Directive('@key(fields: "code")')
export class RegionReference {
  @Field()
  code: string;
}
