import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@federess/subgraph-kit';
import type { Context } from './context';
import { CollectiviteResolver } from './resolvers/collectivite.resolver';
import { DepartementResolver } from './resolvers/departement.resolver';
import { RegionResolver } from './resolvers/region.resolver';

/** An entity the gateway asks for is answered only when it is in this instance's region. */
const inScope = <T extends { regionCode: string | null }>(ctx: Context, row: T | null): T | null =>
  row && (!ctx.region || row.regionCode === ctx.region) ? row : null;

export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [RegionResolver, DepartementResolver, CollectiviteResolver] },
    {
      Region: {
        __resolveReference: async (ref: { code: string }, ctx: Context) =>
          ctx.region && ctx.region !== ref.code ? null : ctx.loaders.regionByCode.load(ref.code),
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
