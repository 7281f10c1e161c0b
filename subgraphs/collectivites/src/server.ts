import type { SubgraphSettings } from '@federess/config';
import { createSubgraphServer, type SubgraphServer, type SubgraphServerOptions } from '@federess/subgraph-kit';
import { createContext } from './context';
import { Collectivite } from './entities/collectivite';
import { Departement } from './entities/departement';
import { Region } from './entities/region';
import { Referentiel1732320000000 } from './migrations/1732320000000-Referentiel';
import { Evenements1733000000000 } from './migrations/1733000000000-Evenements';
import { buildSchema } from './schema';
import { seed } from './seed';

export { buildSchema };

export function createServer(settings: SubgraphSettings, options?: SubgraphServerOptions): Promise<SubgraphServer> {
  return createSubgraphServer(
    {
      name: 'collectivites',
      title: 'FédérESS — collectivités',
      entities: [Region, Departement, Collectivite],
      migrations: [Referentiel1732320000000, Evenements1733000000000],
      buildSchema,
      createContext,
      seed,
    },
    settings,
    options,
  );
}
