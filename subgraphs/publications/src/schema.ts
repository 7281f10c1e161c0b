import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema, isUuid, readableInScope } from '@federess/subgraph-kit';
import type { Context } from './context';
import { ClubReferenceResolver } from './resolvers/club-reference.resolver';
import { PublicationResolver } from './resolvers/publication.resolver';
import { RegionReferenceResolver } from './resolvers/region-reference.resolver';
import { RencontreReferenceResolver } from './resolvers/rencontre-reference.resolver';

export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [PublicationResolver, RencontreReferenceResolver, ClubReferenceResolver, RegionReferenceResolver] },
    {
      // A publication the gateway asks for is answered only when this instance may read it.
      Publication: {
        __resolveReference: async (ref: { id: string }, ctx: Context) => {
          if (!isUuid(ref.id)) return null;
          const found = await ctx.loaders.publicationById.load(ref.id.toLowerCase());
          return found && readableInScope(ctx.region, found.regionCode) ? found : null;
        },
      },
    },
  );
}
