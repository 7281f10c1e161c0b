import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver } from 'type-graphql';
import { readEventPage } from '@federess/events';
import { pageSize } from '@federess/subgraph-kit';
import type { Context } from '../context';
import { correspondance } from './correspondance';
import { dernierEvenement } from './dernier-evenement';
import { erreurClient } from './erreurs-du-flux';
import { EvenementRencontre, evenementRencontre } from './evenement-rencontre';
import { EvenementRencontreConnection } from './evenements-connection';
import { RencontresEnDirectFiltre } from './rencontres-en-direct-filtre';

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
  async evenementsRencontres(
    // Declared in reverse: type-graphql prints arguments last first, and the schema reads (apres, first, filtre).
    @Arg('filtre', () => RencontresEnDirectFiltre, { nullable: true }) filtre: RencontresEnDirectFiltre | null,
    @Arg('first', () => Int, { nullable: true, description: 'Nombre d’événements (défaut 20, au plus 200)' }) first: number | null,
    @Arg('apres', () => ID, { nullable: true, description: "L'`id` du dernier événement reçu (ou `pageInfo.endCursor`)" })
    apres: string | null,
    @Ctx() ctx: Context,
  ): Promise<EvenementRencontreConnection> {
    const limit = pageSize(first);
    const matches = correspondance(filtre, ctx.region);
    let page;
    try {
      page = await readEventPage(ctx.dataSource, { apres, first: limit, matches });
    } catch (error) {
      throw erreurClient(error);
    }
    const edges = page.events.map((event) => ({ cursor: event.id, node: evenementRencontre(event) }));
    return {
      edges,
      pageInfo: {
        hasNextPage: page.hasMore,
        hasPreviousPage: false,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: page.resumeAfter,
      },
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
