import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { type DocumentNode, Kind } from 'graphql';
import type { GatewayContext } from '../context';

/** What @apollo/gateway hands a data source's `process`, and what it expects back. */
export type ProcessOptions = Parameters<RemoteGraphQLDataSource<GatewayContext>['process']>[0];
export type ProcessResult = ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']>;
export type GatewayResponse = Awaited<ProcessResult>;

/** The options of a fetch of a client operation (not a health check or a schema load): its plan's document, its request context. */
export type IncomingOptions = Extract<ProcessOptions, { incomingRequestContext: unknown }>;
// The enum's value, not the enum: @apollo/gateway's GraphQLDataSourceRequestKind is a runtime
// object this module need not load just to compare a string.
const INCOMING_OPERATION = 'incoming operation' as IncomingOptions['kind'];

export const incoming = (options: ProcessOptions): IncomingOptions | undefined =>
  options.kind === INCOMING_OPERATION ? (options as IncomingOptions) : undefined;

/**
 * Whether the fetch is a query (the only operations whose identical in-flight copies may share one
 * call, and that may be sent again). The plan's document says so; without one (a health check, a
 * schema load), the query text does: shorthand `{ … }` or `query`.
 */
export function isQuery(document: DocumentNode | undefined, query: string): boolean {
  const operation = document?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operation) return operation.operation === 'query';
  return /^\s*(query\b|\{)/.test(query);
}
