import type { Context } from '../context';
import type { Publication } from '../entities/publication';
import { isReadable } from '../scope';

/** A publication as this instance shows it, by its id (a lower-case UUID): null when absent or outside its scope. */
export async function publicationLisible(ctx: Context, id: string): Promise<Publication | null> {
  const found = await ctx.loaders.publicationById.load(id);
  return found && isReadable(ctx.region, found.regionCode) ? found : null;
}
