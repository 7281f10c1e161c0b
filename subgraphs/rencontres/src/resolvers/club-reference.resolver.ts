import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type ConnectionData, isUuid, pageWindow, toConnection } from '@federess/subgraph-kit';
import type { Context } from '../context';
import { ClubReference } from '../entities/club-reference';
import { Rencontre } from '../entities/rencontre';
import { RencontreConnection } from '../entities/rencontre-connection';
import { parseRencontreFiltre } from '../inputs/rencontre-filtre-sql';
import { RencontresArgs } from '../inputs/rencontres-args';

/** What this subgraph adds to the clubs subgraph's Club: its agenda, batched over many clubs. */
@Resolver(() => ClubReference)
export class ClubReferenceResolver {
  @FieldResolver(() => RencontreConnection, { description: 'Les rencontres du club, par date de début croissante' })
  async rencontres(@Root() club: ClubReference, @Args() args: RencontresArgs, @Ctx() ctx: Context): Promise<ConnectionData<Rencontre>> {
    const filtre = parseRencontreFiltre(args.filtre, ctx.region, ctx.cacheHints);
    const { offset, limit } = pageWindow(args);
    if (!isUuid(club.id)) return toConnection([], offset, limit, 0);
    return ctx.loaders.rencontresByClub.load({ parent: club.id.toLowerCase(), filtre, offset, limit });
  }

  @FieldResolver(() => Rencontre, { nullable: true, description: 'La prochaine rencontre du club qui n’est pas annulée' })
  prochaineRencontre(@Root() club: ClubReference, @Ctx() ctx: Context): Promise<Rencontre | null> | null {
    // "Next" is relative to now: the answer changes when a rencontre starts, which no event announces.
    ctx.cacheHints?.uncacheable();
    return isUuid(club.id) ? ctx.loaders.nextRencontreByClub.load(club.id.toLowerCase()) : null;
  }
}
