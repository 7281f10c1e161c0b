import { Directive, Field, ObjectType } from 'type-graphql';

/** The Region entity of the collectivites subgraph, by key only; this subgraph adds `publications` to it. */
@ObjectType('Region')
@Directive('@key(fields: "code")')
export class RegionReference {
  @Field()
  code: string;
}
