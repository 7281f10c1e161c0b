import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { type EventPage, readEventPage } from '@federess/events';
import { PageInfo, pageSize } from '@federess/subgraph-kit';
import type { Context } from '../context';
import { correspondance } from './correspondance';
import { dernierEvenement } from './dernier-evenement';
import { erreurClient } from './erreurs-du-flux';
import { EvenementRencontre, evenementRencontre } from './evenement-rencontre';
import { EvenementRencontreConnection, EvenementRencontreEdge } from './evenements-connection';
import { RencontresEnDirectFiltre } from './rencontres-en-direct-filtre';

/** The page is read once, and only when `edges` or `pageInfo` is asked for: `dernierEvenement` alone costs one probe. */
interface PageDemandee {
  page(): Promise<EventPage>;
}

/**
 * The delta sync: the live feed's events, pulled page by page by a back-end that cannot hold a
 * socket. Same events, same order, same filter (`correspondance`), same resume point (`apres`, an
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
  ): PageDemandee {
    // Arguments are checked at once, before any SQL, whatever is selected.
    const limit = pageSize(first);
    // The outbox itself: the retention purge changes it without an event, so the gateway never keeps it.
    ctx.cacheHints?.uncacheable();
    const matches = correspondance(filtre, ctx.region);
    let lue: Promise<EventPage> | undefined;
    return {
      page: () =>
        (lue ??= readEventPage(ctx.dataSource, { apres, first: limit, matches }).catch((error: unknown) => {
          throw erreurClient(error);
        })),
    };
  }

  @FieldResolver(() => [EvenementRencontreEdge])
  async edges(@Root() demandee: PageDemandee): Promise<EvenementRencontreEdge[]> {
    return (await demandee.page()).events.map((event) => ({ cursor: event.id, node: evenementRencontre(event) }));
  }

  @FieldResolver(() => PageInfo, {
    description:
      "endCursor : où reprendre (le dernier événement examiné, même écarté par le filtre : le donner en `apres`) ; hasNextPage : d'autres événements peuvent suivre",
  })
  async pageInfo(@Root() demandee: PageDemandee): Promise<PageInfo> {
    const page = await demandee.page();
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
    const event = await dernierEvenement(ctx.dataSource, ctx.region);
    return event ? evenementRencontre(event) : null;
  }
}
