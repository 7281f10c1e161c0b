import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { belongsToScope, type ConnectionData, isUuid, PageArgs, pageWindow, toConnection } from '@federess/subgraph-kit';
import { regionOfClubId } from '@federess/vocabulaire';
import type { Context } from '../context';
import { ClubReference } from '../entities/club-reference';
import type { Publication } from '../entities/publication';
import { PublicationConnection } from '../entities/publication-connection';

@Resolver(() => ClubReference)
export class ClubReferenceResolver {
  @FieldResolver(() => PublicationConnection, { description: 'Les publications du club, les plus récentes d’abord' })
  async publications(@Root() club: ClubReference, @Args() args: PageArgs, @Ctx() ctx: Context): Promise<ConnectionData<Publication>> {
    const page = pageWindow(args);
    const id = club.id.toLowerCase();
    const region = isUuid(id) ? regionOfClubId(id) : undefined;
    // A club of another région has nothing here on a regional instance; an id that is no club's has nothing anywhere.
    if (!region || !belongsToScope(ctx.region, region)) return toConnection([], page.offset, page.limit, 0);
    return ctx.loaders.publicationsByClub.load({ parent: id, ...page });
  }
}
