import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { eventSync, type EventSyncPage, LastChangeResolver } from '@federess/subgraph-kit';
import type { Context } from '../context';
import { EvenementPublication, evenementPublication } from '../entities/evenement-publication';
import { EvenementPublicationConnection } from '../entities/evenement-publication-connection';
import { Publication } from '../entities/publication';
import { eventFilter } from '../inputs/event-filter';
import { EvenementsPublicationsArgs } from '../inputs/evenements-publications-filtre';
import { readablePublication } from './readable-publication';

/**
 * The delta sync of publications, the pull twin of the rencontres one: every creation and change of
 * a publication after `apres` (an event id), in commit order, page by page, with EVENTS_EXPIRED past
 * the retention. Events of no publication (a start of the subgraph) are skipped, the cursor moving
 * past them. What an event shows of its publication follows the publication's own field rules
 * (a members-only document only for those entitled to it).
 */
@Resolver(() => EvenementPublication)
export class SynchronisationResolver {
  @Query(() => EvenementPublicationConnection, {
    description:
      "Les changements des publications après `apres`, dans l'ordre où ils ont eu lieu (publications, modifications, changements de région) : pour synchroniser sans tout relire. Sans `apres`, depuis le plus ancien événement conservé. Un `apres` plus ancien que la rétention : EVENTS_EXPIRED (rechargez tout, puis partez de dernierEvenement).",
  })
  evenementsPublications(
    @Args() { apres, first, filtre }: EvenementsPublicationsArgs,
    @Ctx() ctx: Context,
  ): EventSyncPage<EvenementPublication> {
    return eventSync(ctx, {
      entite: 'Publication',
      apres,
      first,
      matches: eventFilter(filtre, ctx.region),
      toNode: evenementPublication,
    });
  }

  @FieldResolver(() => Publication, {
    nullable: true,
    description:
      'La publication dans son état actuel, à la lecture (la synchronisation garde ce qui a changé, non une copie) ; null quand cette instance ne la montre plus (partie vers une autre région)',
  })
  publication(@Root() event: EvenementPublication, @Ctx() ctx: Context): Promise<Publication | null> {
    return readablePublication(ctx, event.publicationId);
  }
}

/** `dernierChangementPublications`: the version of everything read of the publications. */
export const DernierChangementPublications = LastChangeResolver(
  'dernierChangementPublications',
  'Publication',
  "Le dernier changement d'une publication ou de tout le sous-graphe, null s'il n'en est conservé aucun : la version de ce que l'on a lu des publications",
);
