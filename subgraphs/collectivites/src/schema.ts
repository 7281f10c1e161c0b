import type { GraphQLSchema } from 'graphql';
import { belongsToScope, buildFederatedSchema } from '@federess/subgraph-kit';
import type { Context } from './context';
import { CollectiviteResolver } from './resolvers/collectivite.resolver';
import { DepartementResolver } from './resolvers/departement.resolver';
import { RegionResolver } from './resolvers/region.resolver';

/** An entity the gateway asks for is answered only when it is of this instance's région. */
const inScope = <T extends { regionCode: string | null }>(ctx: Context, row: T | null): T | null =>
  row && belongsToScope(ctx.region, row.regionCode) ? row : null;

export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [RegionResolver, DepartementResolver, CollectiviteResolver] },
    {
      Region: {
        __resolveReference: async (ref: { code: string }, ctx: Context) =>
          belongsToScope(ctx.region, ref.code) ? ctx.loaders.regionByCode.load(ref.code) : null,
      },
      Departement: {
        __resolveReference: async (ref: { code: string }, ctx: Context) => inScope(ctx, await ctx.loaders.departementByCode.load(ref.code)),
      },
      Collectivite: {
        __resolveReference: async (ref: { id: string }, ctx: Context) => inScope(ctx, await ctx.loaders.collectiviteById.load(ref.id)),
      },
    },
  );
}
