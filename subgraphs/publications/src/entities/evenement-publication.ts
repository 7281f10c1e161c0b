import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { OutboxEvent } from '@federess/events';
import { TypeEvenementPublication } from './enums';

@ObjectType({ description: "Un changement d'une publication, tel que la synchronisation le donne" })
export class EvenementPublication {
  @Field(() => ID, { description: "Identifiant croissant de l'événement : le donner en `apres` pour reprendre là où l'on s'est arrêté" })
  id: string;

  @Field(() => TypeEvenementPublication)
  type: TypeEvenementPublication;

  @Field({ description: 'Moment du changement' })
  survenuA: Date;

  @Field(() => Int, {
    description:
      'La révision que ce changement a donnée à la publication (celle de l’événement, qui ne bouge plus) ; `publication { revision }` est celle de son état actuel',
  })
  revision: number;

  @Field(() => ID)
  publicationId: string;
}

/** An outbox row as the graph shows it (only publication events reach here: see eventFilter and dernierEvenement). */
export function evenementPublication(event: OutboxEvent): EvenementPublication {
  return {
    id: event.id,
    type: event.type as TypeEvenementPublication,
    survenuA: event.survenuA,
    revision: event.revision ?? 0,
    publicationId: event.entiteId ?? '',
  };
}
