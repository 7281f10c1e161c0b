import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { OutboxEvent } from '@federess/events';
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

  @Field(() => Int, {
    description:
      'La révision que ce changement a donnée à la rencontre (celle de l’événement, qui ne bouge plus) ; `rencontre { revision }` est celle de son état actuel',
  })
  revision: number;

  @Field(() => ID)
  rencontreId: string;
}

/** An outbox row as the graph shows it: the live feed and the delta sync give the same events alike. */
export function evenementRencontre(event: OutboxEvent): EvenementRencontre {
  return {
    id: event.id,
    type: event.type as TypeEvenement,
    survenuA: event.survenuA,
    // Only rencontre events reach here (see correspondance and dernierEvenement): both are always set.
    revision: event.revision ?? 0,
    rencontreId: event.entiteId ?? '',
  };
}
