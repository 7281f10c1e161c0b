import type { SubgraphSettings } from '@federess/config';
import { createSubgraphServer, type SubgraphServer, type SubgraphServerOptions } from '@federess/subgraph-kit';
import { createContext } from './context';
import { Club } from './entities/club';
import { ClubCollectivite } from './entities/club-collectivite';
import { ClubOrganisation } from './entities/club-organisation';
import { ContactClub } from './entities/contact-club';
import { Organisation } from './entities/organisation';
import { Clubs1732400000000 } from './migrations/1732400000000-Clubs';
import { Evenements1733000000000 } from './migrations/1733000000000-Evenements';
import { buildSchema } from './schema';
import { seed } from './seed';

export { buildSchema };

export function createServer(settings: SubgraphSettings, options?: SubgraphServerOptions): Promise<SubgraphServer> {
  return createSubgraphServer(
    {
      name: 'clubs',
      title: 'FédérESS — clubs',
      entities: [Club, Organisation, ContactClub, ClubOrganisation, ClubCollectivite],
      migrations: [Clubs1732400000000, Evenements1733000000000],
      buildSchema,
      createContext,
      seed,
    },
    settings,
    options,
  );
}
