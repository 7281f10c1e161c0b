import type { SubgraphSettings } from '@federess/config';
import { createSubgraphServer, type SubgraphServer, type SubgraphServerOptions } from '@federess/subgraph-kit';
import { createContext } from './context';
import { Publication } from './entities/publication';
import { PublicationCollectivite } from './entities/publication-collectivite';
import { Publications1732500000000 } from './migrations/1732500000000-Publications';
import { MisAJourLe1732900000000 } from './migrations/1732900000000-MisAJourLe';
import { Evenements1733000000000 } from './migrations/1733000000000-Evenements';
import { buildSchema } from './schema';
import { seed } from './seed';

export { buildSchema };

export function createServer(settings: SubgraphSettings, options?: SubgraphServerOptions): Promise<SubgraphServer> {
  return createSubgraphServer(
    {
      name: 'publications',
      title: 'FédérESS — publications',
      entities: [Publication, PublicationCollectivite],
      migrations: [Publications1732500000000, MisAJourLe1732900000000, Evenements1733000000000],
      buildSchema,
      createContext,
      seed,
    },
    settings,
    options,
  );
}
