import type { SubgraphSettings } from '@federess/config';
import { OutboxListener } from '@federess/events';
import { createSubgraphServer, type SubgraphServer, type SubgraphServerOptions } from '@federess/subgraph-kit';
import { createContext } from './context';
import { Inscription } from './entities/inscription';
import { Intervenant } from './entities/intervenant';
import { Rencontre } from './entities/rencontre';
import { SessionRencontre } from './entities/session-rencontre';
import { attachLiveFeedServer } from './subscriptions/live-feed-server';
import { Rencontres1732400000000 } from './migrations/1732400000000-Rencontres';
import { Evenements1732600000000 } from './migrations/1732600000000-Evenements';
import { AnnuairePartage1732700000000 } from './migrations/1732700000000-AnnuairePartage';
import { buildSchema } from './schema';
import { seed } from './seed';

export { buildSchema };

export function createServer(settings: SubgraphSettings, options?: SubgraphServerOptions): Promise<SubgraphServer> {
  // One listener per process: every replica hears every committed change, whichever replica wrote it.
  const listener = settings.databaseUrl ? new OutboxListener({ databaseUrl: settings.databaseUrl }) : undefined;
  return createSubgraphServer(
    {
      name: 'rencontres',
      title: 'FédérESS — rencontres',
      entities: [Rencontre, SessionRencontre, Intervenant, Inscription],
      migrations: [Rencontres1732400000000, Evenements1732600000000, AnnuairePartage1732700000000],
      buildSchema,
      createContext: (base) => createContext(base),
      seed,
      attach: async (httpServer, schema, resources, authenticate, rateLimiter) =>
        listener
          ? attachLiveFeedServer(httpServer, schema, resources, authenticate, {
              listener,
              retentionDays: settings.eventRetentionDays,
              limits: settings.limits,
              mode: settings.mode,
              rateLimiter,
            })
          : () => Promise.resolve(),
    },
    settings,
    options,
  );
}
