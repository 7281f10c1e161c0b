import { ObjectType } from 'type-graphql';
import { Connection } from '@federess/subgraph-kit';
import { Collectivite } from './collectivite';

@ObjectType()
export class CollectiviteConnection extends Connection(Collectivite, 'Collectivite') {}
