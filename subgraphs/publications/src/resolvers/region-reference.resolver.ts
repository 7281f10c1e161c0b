import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { belongsToScope, type ConnectionData, PageArgs, pageWindow, toConnection } from '@federess/subgraph-kit';
import type { Context } from '../context';
import type { Publication } from '../entities/publication';
import { PublicationConnection } from '../entities/publication-connection';
import { RegionReference } from '../entities/region-reference';

@Resolver(() => RegionReference)
export class RegionReferenceResolver {
  @FieldResolver(() => PublicationConnection, { description: 'Les publications régionales de la région, les plus récentes d’abord' })
  async publications(@Root() region: RegionReference, @Args() args: PageArgs, @Ctx() ctx: Context): Promise<ConnectionData<Publication>> {
    const page = pageWindow(args);
    if (!belongsToScope(ctx.region, region.code)) return toConnection([], page.offset, page.limit, 0);
    return ctx.loaders.publicationsByRegion.load({ parent: region.code, ...page });
  }
}
