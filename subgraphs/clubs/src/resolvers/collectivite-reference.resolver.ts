import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { belongsToScope } from '@federess/subgraph-kit';
import type { Context } from '../context';
import { Club } from '../entities/club';
import { CollectiviteReference } from '../entities/collectivite-reference';

@Resolver(() => CollectiviteReference)
export class CollectiviteReferenceResolver {
  @FieldResolver(() => [Club], { description: 'Les clubs dont la collectivité est membre' })
  async clubs(@Root() collectivite: CollectiviteReference, @Ctx() ctx: Context): Promise<Club[]> {
    const clubs = await ctx.loaders.clubsByCollectivite.load(collectivite.id);
    return clubs.filter((c) => belongsToScope(ctx.region, c.regionCode));
  }
}
