import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema, isUuid } from '@federess/subgraph-kit';
import type { Context } from './context';
import { ClubReferenceResolver } from './resolvers/club-reference.resolver';
import { PublicationResolver } from './resolvers/publication.resolver';
import { readablePublication } from './resolvers/readable-publication';
import { RegionReferenceResolver } from './resolvers/region-reference.resolver';
import { RencontreReferenceResolver } from './resolvers/rencontre-reference.resolver';
import { DernierChangementPublications, SynchronisationResolver } from './resolvers/synchronisation.resolver';

export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        PublicationResolver,
        RencontreReferenceResolver,
        ClubReferenceResolver,
        RegionReferenceResolver,
        SynchronisationResolver,
        DernierChangementPublications,
      ],
    },
    {
      // A publication the gateway asks for is answered only when this instance may read it.
      Publication: {
        __resolveReference: (ref: { id: string }, ctx: Context) => (isUuid(ref.id) ? readablePublication(ctx, ref.id.toLowerCase()) : null),
      },
    },
  );
}
