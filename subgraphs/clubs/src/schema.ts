// type-graphql's decorators need the metadata polyfill before any decorated class (here or in subgraph-kit) loads.
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@federess/subgraph-kit';
import { regionOfClubId } from '@federess/vocabulaire';
import type { Context } from './context';
import { isUuid } from './inputs/ids';
import { ClubResolver, clubInScope } from './resolvers/club.resolver';
import { CollectiviteReferenceResolver } from './resolvers/collectivite.resolver';
import { DernierChangementClubs } from './resolvers/dernier-changement';
import { ContactClubResolver } from './resolvers/contact-club.resolver';
import { OrganisationResolver, organisationInScope } from './resolvers/organisation.resolver';
import { RegionReferenceResolver } from './resolvers/region.resolver';

/**
 * Entities the gateway asks for are answered only when in this instance's région; a malformed id
 * is answered with null rather than sent to a uuid column. Region and Collectivite belong to the
 * collectivites subgraph: their references are used as they come (the default resolver).
 */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        ClubResolver,
        OrganisationResolver,
        ContactClubResolver,
        RegionReferenceResolver,
        CollectiviteReferenceResolver,
        DernierChangementClubs,
      ],
    },
    {
      Club: {
        __resolveReference: async (ref: { id: string }, ctx: Context) => {
          const id = String(ref.id).toLowerCase();
          return clubInScope(ctx, id, regionOfClubId(id));
        },
      },
      Organisation: {
        __resolveReference: async (ref: { id: string }, ctx: Context) =>
          isUuid(String(ref.id)) ? organisationInScope(ctx, await ctx.loaders.organisationById.load(String(ref.id).toLowerCase())) : null,
      },
    },
  );
}
