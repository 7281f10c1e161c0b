import { Field, ObjectType } from 'type-graphql';
import { CollectiviteReference } from './collectivite-reference';

/** Where a session takes place (stored as columns of the session). */
@ObjectType('LieuRencontre', { description: "Lieu d'une séance" })
export class LieuRencontre {
  @Field({ description: 'Nom du lieu' })
  nom: string;

  @Field(() => String, { nullable: true })
  adresse: string | null;

  @Field(() => CollectiviteReference, { nullable: true, description: 'La commune du lieu' })
  commune: CollectiviteReference | null;
}
