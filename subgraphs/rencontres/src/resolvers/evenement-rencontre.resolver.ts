import { Arg, Ctx, FieldResolver, ID, Resolver, Root, Subscription } from 'type-graphql';
import { type OutboxEvent, openEventStream } from '@federess/events';
import { badInput } from '@federess/server-kit';
import { outboxClientError } from '@federess/subgraph-kit';
import type { Context } from '../context';
import { Rencontre } from '../entities/rencontre';
import { createLoaders } from '../loaders';
import { eventFilter } from '../subscriptions/event-filter';
import { withClientErrors } from '../subscriptions/stream-errors';
import { EvenementRencontre, evenementRencontre } from '../entities/evenement-rencontre';
import { RencontresEnDirectFiltre } from '../inputs/rencontres-en-direct-filtre';

interface SubscribeArgs {
  filtre?: RencontresEnDirectFiltre | null;
  apres?: string | null;
}

/**
 * Opens a subscriber's stream; a bad `apres` is an error of the subscription, with its own code, and
 * so is a stream that ends early (EVENTS_EXPIRED mid-replay, SLOW_CONSUMER).
 */
async function openLiveFeed({ args, context }: { args: SubscribeArgs; context: Context }): Promise<AsyncIterable<OutboxEvent>> {
  if (!context.listener) throw badInput('Le flux en direct est servi en WebSocket (graphql-ws) sur /graphql.');
  const matches = eventFilter(args.filtre, context.region);
  try {
    return withClientErrors(
      await openEventStream(context.listener, context.dataSource, { apres: args.apres, matches, transport: context.transport }),
    );
  } catch (error) {
    throw outboxClientError(error);
  }
}

@Resolver(() => EvenementRencontre)
export class EvenementRencontreResolver {
  @Subscription(() => EvenementRencontre, {
    subscribe: openLiveFeed as never,
    description:
      "Les changements des rencontres en direct : créations, modifications, reports, passages en ligne, annulations, complets, inscriptions fermées ou rouvertes. Avec `apres`, rejoue d'abord les événements suivants puis continue en direct, sans trou ni doublon.",
  })
  rencontresEnDirect(
    @Root() event: OutboxEvent,
    @Ctx() ctx: Context,
    @Arg('filtre', () => RencontresEnDirectFiltre, { nullable: true }) _filtre: RencontresEnDirectFiltre | null,
    @Arg('apres', () => ID, { nullable: true, description: "Reprendre après cet événement (l'`id` du dernier reçu)" })
    _apres: string | null,
  ): EvenementRencontre {
    // One subscription keeps one context for all its events: fresh loaders per event, so that each
    // event shows the rencontre as it is now, not as the first event's batch cached it.
    (ctx as { loaders: Context['loaders'] }).loaders = createLoaders(ctx.dataSource, ctx.region);
    return evenementRencontre(event);
  }

  // The outbox keeps what changed, not a copy of the rencontre: the event shows it as it is now.
  @FieldResolver(() => Rencontre, {
    nullable: true,
    description:
      'La rencontre dans son état actuel, à la livraison de l’événement, et non telle qu’elle était à sa révision : quand `rencontre { revision }` dépasse `revision`, d’autres changements ont suivi et leurs événements suivent celui-ci (au rejeu avec `apres`, tous montrent le dernier état)',
  })
  rencontre(@Root() event: EvenementRencontre, @Ctx() ctx: Context): Promise<Rencontre | null> {
    return ctx.loaders.rencontreById.load(event.rencontreId);
  }
}
