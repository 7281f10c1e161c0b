import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type ConnectionData, PageArgs, pageWindow } from '@federess/subgraph-kit';
import type { Context } from '../context';
import { CollectiviteReference } from '../entities/collectivite-reference';
import { Rencontre } from '../entities/rencontre';
import { RencontreConnection } from '../entities/rencontre-connection';
import { NO_FILTRE } from '../inputs/rencontre-filtre-sql';

/** What this subgraph adds to the collectivites subgraph's Collectivite. */
@Resolver(() => CollectiviteReference)
export class CollectiviteReferenceResolver {
  @FieldResolver(() => RencontreConnection, {
    description: 'Les rencontres auxquelles des élus ou agents de la collectivité sont inscrits (inscriptions confirmées)',
  })
  participations(
    @Root() collectivite: CollectiviteReference,
    @Args() args: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionData<Rencontre>> {
    const { offset, limit } = pageWindow(args);
    return ctx.loaders.participationsByCollectivite.load({ parent: collectivite.id, filtre: NO_FILTRE, offset, limit });
  }
}
