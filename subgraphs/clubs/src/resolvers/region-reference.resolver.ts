import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { belongsToScope } from '@federess/subgraph-kit';
import type { Context } from '../context';
import { Club } from '../entities/club';
import { RegionReference } from '../entities/region-reference';

@Resolver(() => RegionReference)
export class RegionReferenceResolver {
  @FieldResolver(() => Club, { nullable: true, description: "Le Club des collectivités pour l'ESS de la région" })
  club(@Root() region: RegionReference, @Ctx() ctx: Context): Promise<Club | null> | null {
    if (!belongsToScope(ctx.region, region.code)) return null;
    return ctx.loaders.clubByRegion.load(region.code);
  }
}
