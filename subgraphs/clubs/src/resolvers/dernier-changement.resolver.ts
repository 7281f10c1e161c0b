import { LastChangeResolver } from '@federess/subgraph-kit';

/** `dernierChangementClubs`: the version of everything read of the clubs (the gateway's feeds show their names and contacts). */
export const DernierChangementClubs = LastChangeResolver(
  'dernierChangementClubs',
  'Club',
  "Le dernier changement d'un club ou de tout le sous-graphe, null s'il n'en est conservé aucun : la version de ce que l'on a lu des clubs",
);
