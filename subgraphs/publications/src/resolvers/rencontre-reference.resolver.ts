import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { isUuid, readableInScope } from '@federess/subgraph-kit';
import type { Context } from '../context';
import { Publication } from '../entities/publication';
import { RencontreReference } from '../entities/rencontre-reference';

@Resolver(() => RencontreReference)
export class RencontreReferenceResolver {
  @FieldResolver(() => [Publication], { description: 'Les ressources de la rencontre : comptes-rendus, replays, diaporamas, …' })
  async ressources(@Root() rencontre: RencontreReference, @Ctx() ctx: Context): Promise<Publication[]> {
    // A malformed key cannot name a rencontre, and must not reach the uuid column.
    if (!isUuid(rencontre.id)) return [];
    const rows = await ctx.loaders.publicationsByRencontre.load(rencontre.id.toLowerCase());
    return rows.filter((row) => readableInScope(ctx.region, row.regionCode));
  }
}
