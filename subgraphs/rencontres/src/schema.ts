import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema, isUuid, readableInScope } from '@federess/subgraph-kit';
import type { Context } from './context';
import { ClubReferenceResolver } from './resolvers/club-reference.resolver';
import { CollectiviteReferenceResolver } from './resolvers/collectivite-reference.resolver';
import { EvenementRencontreResolver } from './resolvers/evenement-rencontre.resolver';
import { JetonAgendaResolver } from './resolvers/jeton-agenda.resolver';
import { DernierChangementRencontres, SynchronisationResolver } from './resolvers/synchronisation.resolver';
import { InscriptionResolver } from './resolvers/inscription.resolver';
import { IntervenantResolver } from './resolvers/intervenant.resolver';
import { RencontreResolver } from './resolvers/rencontre.resolver';
import { SessionRencontreResolver } from './resolvers/session-rencontre.resolver';

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
        ClubReferenceResolver,
        CollectiviteReferenceResolver,
        EvenementRencontreResolver,
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
          return found && readableInScope(ctx.region, found.regionCode) ? found : null;
        },
      },
    },
  );
}
