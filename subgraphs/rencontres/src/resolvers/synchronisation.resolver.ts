import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { eventSync, type EventSyncPage, LastChangeResolver } from '@federess/subgraph-kit';
import type { Context } from '../context';
import { type EvenementRencontre, evenementRencontre } from '../entities/evenement-rencontre';
import { EvenementRencontreConnection } from '../entities/evenement-rencontre-connection';
import { EvenementsRencontresArgs } from '../inputs/rencontres-en-direct-filtre';
import { eventFilter } from '../subscriptions/event-filter';

/**
 * The delta sync: the live feed's events, pulled page by page by a back-end that cannot hold a
 * socket. Same events, same order, same filter (`eventFilter`), same resume point (`apres`, an
 * event id) and the same EVENTS_EXPIRED past the retention as `rencontresEnDirect`.
 */
@Resolver()
export class SynchronisationResolver {
  @Query(() => EvenementRencontreConnection, {
    description:
      "Les changements des rencontres après `apres`, dans l'ordre du flux en direct (créations, modifications, reports, annulations, inscriptions…) : pour synchroniser sans WebSocket. Sans `apres`, depuis le plus ancien événement conservé. Un `apres` plus ancien que la rétention : EVENTS_EXPIRED (rechargez tout, puis partez de dernierEvenement).",
  })
  evenementsRencontres(@Args() { apres, first, filtre }: EvenementsRencontresArgs, @Ctx() ctx: Context): EventSyncPage<EvenementRencontre> {
    return eventSync(ctx, { entite: 'Rencontre', apres, first, matches: eventFilter(filtre, ctx.region), toNode: evenementRencontre });
  }
}

/** `dernierChangementRencontres`: the version of everything read of the rencontres, their sessions and registrations. */
export const DernierChangementRencontres = LastChangeResolver(
  'dernierChangementRencontres',
  'Rencontre',
  "Le dernier changement d'une rencontre (de ses séances, de ses inscriptions) ou de tout le sous-graphe, null s'il n'en est conservé aucun : la version de ce que l'on a lu des rencontres",
);
