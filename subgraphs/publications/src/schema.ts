import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@federess/subgraph-kit';
import type { Context } from './context';
import { DernierChangementPublications, SynchronisationResolver } from './evenements/synchronisation.resolver';
import { isUuid } from './inputs/ids';
import { ClubReferenceResolver } from './resolvers/club-reference.resolver';
import { PublicationResolver } from './resolvers/publication.resolver';
import { publicationLisible } from './resolvers/publication-lisible';
import { RegionReferenceResolver } from './resolvers/region-reference.resolver';
import { RencontreReferenceResolver } from './resolvers/rencontre-reference.resolver';

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
        __resolveReference: (ref: { id: string }, ctx: Context) => (isUuid(ref.id) ? publicationLisible(ctx, ref.id.toLowerCase()) : null),
      },
    },
  );
}
