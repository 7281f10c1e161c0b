import * as path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { printSchema } from 'graphql';

/** The checked-in API schema, beside the supergraph: what clients run codegen against. */
export const API_SCHEMA_PATH = path.join(__dirname, '..', 'schema.graphql');

/**
 * The schema clients see through the gateway: the supergraph's API schema, without the federation
 * machinery (`join__` directives and types, `@link`), printed by graphql-js.
 */
export function apiSchemaSdl(supergraphSdl: string): string {
  return `${printSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema())}\n`;
}
