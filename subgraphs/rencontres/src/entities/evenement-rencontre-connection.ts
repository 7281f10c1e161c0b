import { EventConnection } from '@federess/subgraph-kit';
import { EvenementRencontre } from './evenement-rencontre';

export const EvenementRencontreConnection = EventConnection(
  EvenementRencontre,
  'EvenementRencontre',
  'Une page des changements des rencontres, dans l’ordre du flux en direct : la synchronisation d’un système qui tire au lieu d’écouter',
);
