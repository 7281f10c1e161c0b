import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type ConnectionData, pageWindow, toConnection } from '@federess/subgraph-kit';
import type { Context } from '../context';
import { ClubReference } from '../entities/club-reference';
import { Rencontre } from '../entities/rencontre';
import { RencontresArgs } from '../inputs/rencontre-filtre';
import { lireFiltre } from '../queries/filtre';
import { isUuid } from '../validation/ids';
import { RencontreConnection } from './rencontre.resolver';

/** What this subgraph adds to the clubs subgraph's Club: its agenda, batched over many clubs. */
@Resolver(() => ClubReference)
export class ClubResolver {
  @FieldResolver(() => RencontreConnection, { description: 'Les rencontres du club, par date de début croissante' })
  async rencontres(@Root() club: ClubReference, @Args() args: RencontresArgs, @Ctx() ctx: Context): Promise<ConnectionData<Rencontre>> {
    const filtre = lireFiltre(args.filtre, ctx.region, ctx.cacheHints);
    const { offset, limit } = pageWindow(args);
    if (!isUuid(club.id)) return toConnection([], offset, limit, 0);
    return ctx.loaders.rencontresByClub.load({ parent: club.id.toLowerCase(), filtre, offset, limit });
  }

  @FieldResolver(() => Rencontre, { nullable: true, description: 'La prochaine rencontre du club qui n’est pas annulée' })
  prochaineRencontre(@Root() club: ClubReference, @Ctx() ctx: Context): Promise<Rencontre | null> | null {
    // "Next" is relative to now: the answer changes when a rencontre starts, which no event announces.
    ctx.cacheHints?.uncacheable();
    return isUuid(club.id) ? ctx.loaders.prochaineByClub.load(club.id.toLowerCase()) : null;
  }
}
