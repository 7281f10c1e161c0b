import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@federess/subgraph-kit';
import type { Context } from './context';
import { visible } from './queries/filtre';
import { EvenementResolver } from './evenements/evenement.resolver';
import { DernierChangementRencontres, SynchronisationResolver } from './evenements/synchronisation.resolver';
import { JetonAgendaResolver } from './jetons-agenda/jeton-agenda.resolver';
import { ClubResolver } from './resolvers/club.resolver';
import { CollectiviteResolver } from './resolvers/collectivite.resolver';
import { InscriptionResolver } from './resolvers/inscription.resolver';
import { IntervenantResolver } from './resolvers/intervenant.resolver';
import { RencontreResolver } from './resolvers/rencontre.resolver';
import { SessionRencontreResolver } from './resolvers/session.resolver';
import { isUuid } from './validation/ids';

/**
 * type-graphql asks for a pub/sub as soon as there is a subscription, even one with its own
 * `subscribe`; here the outbox is the only source of events, so topics are never used.
 */
const outboxOnly = {
  publish: (): void => {
    throw new Error('Events are published through the outbox (recordChange), not through topics.');
  },
  subscribe: (): never => {
    throw new Error('Subscriptions read the outbox (openEventStream), not topics.');
  },
};

export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        RencontreResolver,
        SessionRencontreResolver,
        IntervenantResolver,
        InscriptionResolver,
        ClubResolver,
        CollectiviteResolver,
        EvenementResolver,
        SynchronisationResolver,
        DernierChangementRencontres,
        JetonAgendaResolver,
      ],
      pubSub: outboxOnly,
    },
    {
      // Asked by the gateway for another subgraph's field (Publication.rencontre, …): answered through
      // the loader, and only when the rencontre is readable on this instance (its région, or national).
      Rencontre: {
        __resolveReference: async (ref: { id: string }, ctx: Context) => {
          if (!isUuid(ref.id)) return null;
          const found = await ctx.loaders.rencontreById.load(ref.id.toLowerCase());
          return found && visible(ctx.region, found.regionCode) ? found : null;
        },
      },
    },
  );
}
