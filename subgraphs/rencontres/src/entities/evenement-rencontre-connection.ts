import { Field, ObjectType } from 'type-graphql';
import { EvenementRencontre } from './evenement-rencontre';

@ObjectType('EvenementRencontreEdge')
export class EvenementRencontreEdge {
  @Field({ description: "L'identifiant de l'événement : le donner en `apres` pour reprendre après lui" })
  cursor: string;

  @Field(() => EvenementRencontre)
  node: EvenementRencontre;
}

/** Its fields are resolved by SynchronisationResolver, each reading only what it needs. */
@ObjectType('EvenementRencontreConnection', {
  description:
    'Une page des changements des rencontres, dans l’ordre du flux en direct : la synchronisation d’un système qui tire au lieu d’écouter',
})
export class EvenementRencontreConnection {}
