import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema, isUuid } from '@federess/subgraph-kit';
import { regionOfClubId } from '@federess/vocabulaire';
import type { Context } from './context';
import { ClubResolver, clubInScope } from './resolvers/club.resolver';
import { CollectiviteReferenceResolver } from './resolvers/collectivite-reference.resolver';
import { ContactClubResolver } from './resolvers/contact-club.resolver';
import { DernierChangementClubs } from './resolvers/dernier-changement.resolver';
import { OrganisationResolver, organisationInScope } from './resolvers/organisation.resolver';
import { RegionReferenceResolver } from './resolvers/region-reference.resolver';

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
