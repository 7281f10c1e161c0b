import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Publication } from '../entities/publication';
import { RencontreReference } from '../entities/rencontre-reference';
import { isUuid } from '../inputs/ids';
import { isReadable } from '../scope';

@Resolver(() => RencontreReference)
export class RencontreReferenceResolver {
  @FieldResolver(() => [Publication], { description: 'Les ressources de la rencontre : comptes-rendus, replays, diaporamas, …' })
  async ressources(@Root() rencontre: RencontreReference, @Ctx() ctx: Context): Promise<Publication[]> {
    // A malformed key cannot name a rencontre, and must not reach the uuid column.
    if (!isUuid(rencontre.id)) return [];
    const rows = await ctx.loaders.publicationsByRencontre.load(rencontre.id.toLowerCase());
    return rows.filter((row) => isReadable(ctx.region, row.regionCode));
  }
}
