import { Ctx, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { latestEvent } from '@federess/events';
import type { BaseSubgraphContext } from './subgraph-server';

@ObjectType('DernierChangement', {
  description: "Le dernier changement conservé de données d'un sous-graphe : ce qui versionne ce qu'on en a lu (les ETag des flux)",
})
@Directive('@shareable')
export class DernierChangement {
  @Field(() => ID, { description: "L'identifiant (croissant) de son événement" })
  id: string;

  @Field({ description: 'Son moment' })
  survenuA: Date;
}

/**
 * A root field `field` giving the last change of `entite` this instance shows, or of the whole
 * subgraph (a start, a bulk load: anything may have changed): the version of everything read of
 * that entity, read before the data (the gateway's feeds answer 304 from it). It is the outbox
 * itself, which no event names: the gateway never keeps it.
 */
export function LastChangeResolver(field: string, entite: string, description: string) {
  @Resolver()
  class LastChange {
    @Query(() => DernierChangement, { name: field, nullable: true, description })
    async lastChange(@Ctx() ctx: BaseSubgraphContext): Promise<DernierChangement | null> {
      ctx.cacheHints?.uncacheable();
      const event = await latestEvent(ctx.dataSource, entite, ctx.region, { withSubgraphEvents: true });
      return event ? { id: event.id, survenuA: event.survenuA } : null;
    }
  }
  return LastChange;
}
