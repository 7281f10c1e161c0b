import { ObjectType } from 'type-graphql';
import { Connection } from '@federess/subgraph-kit';
import { Rencontre } from './rencontre';

@ObjectType()
export class RencontreConnection extends Connection(Rencontre, 'Rencontre') {}
