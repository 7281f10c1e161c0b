import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { type EventPage, readEventPage } from '@federess/events';
import { PageInfo, pageSize } from '@federess/subgraph-kit';
import type { Context } from '../context';
import { EvenementRencontre, evenementRencontre } from '../entities/evenement-rencontre';
import { EvenementRencontreConnection, EvenementRencontreEdge } from '../entities/evenement-rencontre-connection';
import { RencontresEnDirectFiltre } from '../inputs/rencontres-en-direct-filtre';
import { eventFilter } from '../subscriptions/event-filter';
import { latestEvent } from '../subscriptions/latest-event';
import { toClientError } from '../subscriptions/stream-errors';

/** The page is read once, and only when `edges` or `pageInfo` is asked for: `dernierEvenement` alone costs one probe. */
interface RequestedPage {
  page(): Promise<EventPage>;
}

/**
 * The delta sync: the live feed's events, pulled page by page by a back-end that cannot hold a
 * socket. Same events, same order, same filter (`eventFilter`), same resume point (`apres`, an
 * event id) and the same EVENTS_EXPIRED past the retention as `rencontresEnDirect`.
 */
@Resolver(() => EvenementRencontreConnection)
export class SynchronisationResolver {
  @Query(() => EvenementRencontreConnection, {
    description:
      "Les changements des rencontres après `apres`, dans l'ordre du flux en direct (créations, modifications, reports, annulations, inscriptions…) : pour synchroniser sans WebSocket. Sans `apres`, depuis le plus ancien événement conservé. Un `apres` plus ancien que la rétention : EVENTS_EXPIRED (rechargez tout, puis partez de dernierEvenement).",
  })
  evenementsRencontres(
    // Declared in reverse: type-graphql prints arguments last first, and the schema reads (apres, first, filtre).
    @Arg('filtre', () => RencontresEnDirectFiltre, { nullable: true }) filtre: RencontresEnDirectFiltre | null,
    @Arg('first', () => Int, { nullable: true, description: 'Nombre d’événements (défaut 20, au plus 200)' }) first: number | null,
    @Arg('apres', () => ID, { nullable: true, description: "L'`id` du dernier événement reçu (ou `pageInfo.endCursor`)" })
    apres: string | null,
    @Ctx() ctx: Context,
  ): RequestedPage {
    // Arguments are checked at once, before any SQL, whatever is selected.
    const limit = pageSize(first);
    // The outbox itself: the retention purge changes it without an event, so the gateway never keeps it.
    ctx.cacheHints?.uncacheable();
    const matches = eventFilter(filtre, ctx.region);
    let loaded: Promise<EventPage> | undefined;
    return {
      page: () =>
        (loaded ??= readEventPage(ctx.dataSource, { apres, first: limit, matches }).catch((error: unknown) => {
          throw toClientError(error);
        })),
    };
  }

  @FieldResolver(() => [EvenementRencontreEdge])
  async edges(@Root() requested: RequestedPage): Promise<EvenementRencontreEdge[]> {
    return (await requested.page()).events.map((event) => ({ cursor: event.id, node: evenementRencontre(event) }));
  }

  @FieldResolver(() => PageInfo, {
    description:
      "endCursor : où reprendre (le dernier événement examiné, même écarté par le filtre : le donner en `apres`) ; hasNextPage : d'autres événements peuvent suivre",
  })
  async pageInfo(@Root() requested: RequestedPage): Promise<PageInfo> {
    const page = await requested.page();
    return {
      hasNextPage: page.hasMore,
      hasPreviousPage: false,
      startCursor: page.events[0]?.id ?? null,
      endCursor: page.resumeAfter,
    };
  }

  @FieldResolver(() => EvenementRencontre, {
    nullable: true,
    description:
      "Le dernier événement conservé, tous filtres confondus, au moment de la lecture : après un chargement complet, synchronisez à partir de son id (null si aucun n'est conservé)",
  })
  async dernierEvenement(@Ctx() ctx: Context): Promise<EvenementRencontre | null> {
    const event = await latestEvent(ctx.dataSource, ctx.region);
    return event ? evenementRencontre(event) : null;
  }
}
