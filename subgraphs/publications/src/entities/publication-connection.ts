import { ObjectType } from 'type-graphql';
import { Connection } from '@federess/subgraph-kit';
import { Publication } from './publication';

@ObjectType()
export class PublicationConnection extends Connection(Publication, 'Publication') {}
