import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { type BuildSchemaOptions, buildSchema, createResolversMap } from 'type-graphql';
import { guardEntityRepresentations } from './entity-representations';

/** Resolvers type-graphql cannot express, chiefly `__resolveReference` of each entity. */
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: never, context: never) => unknown }>;

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])';

/**
 * Builds a Federation 2 subgraph schema from type-graphql classes: type-graphql prints the schema
 * with its `@Directive`s, `@apollo/subgraph` adds `_service` and `_entities`, and the reference
 * resolvers are merged into the resolver map. `_entities` refuses representations this subgraph
 * cannot resolve with BAD_USER_INPUT (see guardEntityRepresentations).
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ ...options, skipCheck: true });
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, resolver] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...resolver };
  }
  const subgraph = buildSubgraphSchema([
    {
      typeDefs: gql`
        ${FEDERATION_LINK}
        ${printSchemaWithDirectives(schema)}
      `,
      resolvers: resolvers as never,
    },
  ]);
  guardEntityRepresentations(subgraph);
  return subgraph;
}
