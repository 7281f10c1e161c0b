import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Club } from '../entities/club';
import { CollectiviteReference } from '../entities/collectivite-reference';

@Resolver(() => CollectiviteReference)
export class CollectiviteReferenceResolver {
  @FieldResolver(() => [Club], { description: 'Les clubs dont la collectivité est membre' })
  async clubs(@Root() collectivite: CollectiviteReference, @Ctx() ctx: Context): Promise<Club[]> {
    const adhesions = await ctx.loaders.adhesionsByCollectivite.load(collectivite.id);
    const clubs = await ctx.loaders.clubById.loadMany(adhesions.map((a) => a.clubId));
    return clubs.filter((c): c is Club => c !== null && !(c instanceof Error) && (!ctx.region || c.regionCode === ctx.region));
  }
}
