import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type ConnectionData, PageArgs, pageWindow, regionsInScope, toConnection } from '@federess/subgraph-kit';
import type { Context } from '../context';
import { CollectiviteReference } from '../entities/collectivite-reference';
import { Rencontre } from '../entities/rencontre';
import { RencontreConnection } from '../entities/rencontre-connection';
import { type CheckedFiltre, NO_FILTRE } from '../inputs/rencontre-filtre-sql';

/**
 * Whose participations a viewer may see, as a filter: admins and the collectivité's own adherents
 * all of them, an editor those in the rencontres of its régions, anyone else none (undefined: no SQL).
 */
function visibleParticipations(ctx: Context, collectiviteId: string): CheckedFiltre | undefined {
  const { viewer } = ctx;
  if (viewer.isAdmin || viewer.actsFor(collectiviteId)) return NO_FILTRE;
  if (viewer.isEditor) return { regions: regionsInScope(ctx.region, viewer.regions) };
  return undefined;
}

/** What this subgraph adds to the collectivites subgraph's Collectivite. */
@Resolver(() => CollectiviteReference)
export class CollectiviteReferenceResolver {
  // The rule sits here, so that the gateway's entity fetches (`Collectivite.participations` through
  // `collectivite(id:)`) follow it as the subgraph's own queries do.
  @FieldResolver(() => RencontreConnection, {
    description:
      'Les rencontres auxquelles des élus ou agents de la collectivité sont inscrits (inscriptions confirmées) : toutes pour ses adhérents et les administrateurs, celles de ses régions pour un éditeur, aucune (liste vide) pour les autres',
  })
  participations(
    @Root() collectivite: CollectiviteReference,
    @Args() args: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionData<Rencontre>> {
    const { offset, limit } = pageWindow(args);
    const filtre = visibleParticipations(ctx, collectivite.id);
    if (!filtre) return Promise.resolve(toConnection([] as Rencontre[], offset, limit, 0));
    return ctx.loaders.participationsByCollectivite.load({ parent: collectivite.id, filtre, offset, limit });
  }
}
