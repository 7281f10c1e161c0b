import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TypeEvenement } from './enums';

@ObjectType({ description: "Un changement d'une rencontre, tel que le flux en direct le diffuse" })
export class EvenementRencontre {
  @Field(() => ID, {
    description: "Identifiant croissant de l'événement : le donner en `apres` pour reprendre le flux là où il s'est arrêté",
  })
  id: string;

  @Field(() => TypeEvenement)
  type: TypeEvenement;

  @Field({ description: 'Moment du changement' })
  survenuA: Date;

  @Field(() => Int, { description: 'Révision de la rencontre après ce changement' })
  revision: number;

  @Field(() => ID)
  rencontreId: string;
}
