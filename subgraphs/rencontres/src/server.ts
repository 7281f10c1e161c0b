import type { SubgraphSettings } from '@federess/config';
import { OutboxListener } from '@federess/events';
import { createSubgraphServer, type SubgraphServer, type SubgraphServerOptions } from '@federess/subgraph-kit';
import { createHttpContext } from './context';
import { Inscription } from './entities/inscription';
import { Intervenant } from './entities/intervenant';
import { Rencontre } from './entities/rencontre';
import { JetonAgenda } from './entities/jeton-agenda';
import { SessionRencontre } from './entities/session-rencontre';
import { attachLiveFeedServer } from './subscriptions/live-feed-server';
import { liveFeedEventStream } from './subscriptions/sse-server';
import { Rencontres1732400000000 } from './migrations/1732400000000-Rencontres';
import { Evenements1732600000000 } from './migrations/1732600000000-Evenements';
import { AnnuairePartage1732700000000 } from './migrations/1732700000000-AnnuairePartage';
import { JetonsAgenda1732800000000 } from './migrations/1732800000000-JetonsAgenda';
import { EvenementsPartages1733000000000 } from './migrations/1733000000000-EvenementsPartages';
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
      entities: [Rencontre, SessionRencontre, Intervenant, Inscription, JetonAgenda],
      migrations: [
        Rencontres1732400000000,
        Evenements1732600000000,
        AnnuairePartage1732700000000,
        JetonsAgenda1732800000000,
        EvenementsPartages1733000000000,
      ],
      buildSchema,
      createContext: createHttpContext,
      seed,
      attach: async (httpServer, schema, resources, authenticate, rateLimiter, cors) => {
        if (!listener) return { stop: () => Promise.resolve() };
        const { limits, mode } = settings;
        const stopSockets = await attachLiveFeedServer(httpServer, schema, resources, authenticate, {
          listener,
          limits,
          mode,
          rateLimiter,
          cors,
        });
        const eventStream = liveFeedEventStream(schema, resources, authenticate, { listener, limits, mode });
        return {
          eventStream,
          async stop() {
            // Streams end without `complete` (clients resume elsewhere), then the sockets and the listener.
            eventStream.close();
            await stopSockets();
          },
        };
      },
    },
    settings,
    options,
  );
}
