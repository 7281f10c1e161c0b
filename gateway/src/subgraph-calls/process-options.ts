import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { type DocumentNode, Kind, OperationTypeNode } from 'graphql';
import type { GatewayContext } from '../context';

/** What @apollo/gateway hands a data source's `process`, and what it expects back. */
export type ProcessOptions = Parameters<RemoteGraphQLDataSource<GatewayContext>['process']>[0];
export type ProcessResult = ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']>;
export type GatewayResponse = Awaited<ProcessResult>;

/** The options of a fetch of a client operation (not a health check or a schema load): its plan's document, its request context. */
export type IncomingOptions = Extract<ProcessOptions, { incomingRequestContext: unknown }>;
/** The options of a client operation's fetch: only they carry the incoming request's context. */
export const incoming = (options: ProcessOptions): IncomingOptions | undefined =>
  'incomingRequestContext' in options ? options : undefined;

/**
 * Whether the fetch is a query (the only operations whose identical in-flight copies may share one
 * call, and that may be sent again). The plan's document says so; without one (a health check, a
 * schema load), the query text does: shorthand `{ … }` or `query`.
 */
export function isQuery(document: DocumentNode | undefined, query: string): boolean {
  const operation = document?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operation) return operation.operation === OperationTypeNode.QUERY;
  return /^\s*(query\b|\{)/.test(query);
}
