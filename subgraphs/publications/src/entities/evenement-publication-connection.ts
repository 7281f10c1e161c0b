import { EventConnection } from '@federess/subgraph-kit';
import { EvenementPublication } from './evenement-publication';

export const EvenementPublicationConnection = EventConnection(
  EvenementPublication,
  'EvenementPublication',
  'Une page des changements des publications, dans l’ordre où ils ont eu lieu : la synchronisation d’un système qui tire au lieu d’écouter',
);
