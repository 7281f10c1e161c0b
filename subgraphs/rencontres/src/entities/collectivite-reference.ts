import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The collectivites subgraph's Collectivite, known here by its key only; this subgraph adds its participations. */
@ObjectType('Collectivite')
@Directive('@key(fields: "id")')
export class CollectiviteReference {
  @Field(() => ID)
  id: string;
}

export const collectiviteStub = (id: string | null): CollectiviteReference | null => (id ? { id } : null);
