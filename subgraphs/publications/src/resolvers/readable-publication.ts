import { readableInScope } from '@federess/subgraph-kit';
import type { Context } from '../context';
import type { Publication } from '../entities/publication';

/**
 * A publication as this instance shows it, by its id (a lower-case UUID): null when absent or
 * outside its scope. The one rule of `Query.publication`, of the references the gateway resolves and
 * of the publication a delta sync's event shows.
 */
export async function readablePublication(ctx: Context, id: string): Promise<Publication | null> {
  const found = await ctx.loaders.publicationById.load(id);
  return found && readableInScope(ctx.region, found.regionCode) ? found : null;
}
