import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { type GraphQLSchema, parse } from 'graphql';
import { DEFAULT_PORTS, SUBGRAPH_NAMES, type SubgraphName } from '@federess/config';

export interface SubgraphSource {
  readonly name: SubgraphName;
  readonly schema: GraphQLSchema;
}

/** The SDL a subgraph prints for composition (what `_service { sdl }` answers). */
export function subgraphSdl(schema: GraphQLSchema): string {
  return printSubgraphSchema(schema);
}

/**
 * Composes the supergraph from the subgraphs' own SDL with @apollo/composition. The routing URLs
 * written in it are the default local ones; the gateway overrides them from its settings.
 */
export function composeSupergraph(sources: readonly SubgraphSource[]): string {
  const result = composeServices(
    sources.map(({ name, schema }) => ({
      name,
      url: `http://localhost:${DEFAULT_PORTS[name]}/graphql`,
      typeDefs: parse(subgraphSdl(schema)),
    })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

/** Loads every subgraph's schema builder (no database needed) and composes them. */
export async function composeFromWorkspace(): Promise<string> {
  const sources: SubgraphSource[] = [];
  for (const name of SUBGRAPH_NAMES) {
    // Each subgraph package is loaded by its name, from SUBGRAPH_NAMES: a static import would be a second list of them.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildSchema } = require(`@federess/subgraph-${name}`) as { buildSchema: () => Promise<GraphQLSchema> };
    sources.push({ name, schema: await buildSchema() });
  }
  return composeSupergraph(sources);
}
