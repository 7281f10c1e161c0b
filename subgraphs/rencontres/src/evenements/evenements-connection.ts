import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '@federess/subgraph-kit';
import { EvenementRencontre } from './evenement-rencontre';

@ObjectType('EvenementRencontreEdge')
export class EvenementRencontreEdge {
  @Field({ description: "L'identifiant de l'événement : le donner en `apres` pour reprendre après lui" })
  cursor: string;

  @Field(() => EvenementRencontre)
  node: EvenementRencontre;
}

@ObjectType('EvenementRencontreConnection', {
  description:
    'Une page des changements des rencontres, dans l’ordre du flux en direct : la synchronisation d’un système qui tire au lieu d’écouter',
})
export class EvenementRencontreConnection {
  @Field(() => [EvenementRencontreEdge])
  edges: EvenementRencontreEdge[];

  @Field(() => PageInfo, {
    description:
      "endCursor : où reprendre (le dernier événement examiné, même écarté par le filtre : le donner en `apres`) ; hasNextPage : d'autres événements peuvent suivre",
  })
  pageInfo: PageInfo;
}
