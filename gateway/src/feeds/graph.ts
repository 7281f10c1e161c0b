import type { ApolloServer } from '@apollo/server';
import { isFeedToken, Viewer } from '@federess/auth';
import { ErrorCode } from '@federess/server-kit';
import type { GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from '../context';
import { FeedError } from './feed-error';
import { logOf } from '@federess/observability';

/** Who a feed reads as: anonymous (public feeds and pages), or the holder of a private feed's token. */
export interface FeedReader {
  readonly feedToken?: string;
  /** Per subgraph, the last change the answers must show (see GatewayContext.freshAfter): the version read first. */
  readonly freshAfter?: Readonly<Record<string, string>>;
}

export const ANONYMOUS_READER: FeedReader = {};

/** Runs one GraphQL operation through the gateway itself, and gives its data or a FeedError. */
export type RunOperation = <T>(query: string, variables: Record<string, unknown>, reader: FeedReader) => Promise<T>;

const unknownToken = (): FeedError =>
  new FeedError(
    401,
    ErrorCode.UNAUTHENTICATED,
    "Jeton d'agenda inconnu ou révoqué : créez une nouvelle adresse d'agenda privé (creerJetonAgenda).",
  );

/** Why an operation failed, as an HTTP answer (any error at all: a feed is never served with holes). */
function feedErrorOf(first: GraphQLFormattedError, errors: readonly GraphQLFormattedError[]): FeedError {
  switch (first.extensions?.code) {
    case ErrorCode.UNAUTHENTICATED:
      return unknownToken();
    case ErrorCode.BAD_USER_INPUT:
      return new FeedError(400, ErrorCode.BAD_USER_INPUT, first.message);
    case ErrorCode.SUBGRAPH_UNAVAILABLE:
    case ErrorCode.TIMEOUT:
      return new FeedError(503, ErrorCode.SUBGRAPH_UNAVAILABLE, 'Une partie du hub ne répond pas : réessayez dans un instant.', {
        'retry-after': '30',
      });
    default:
      logOf('feeds').error('feed operation failed', { errors: JSON.stringify(errors).slice(0, 1000) });
      return new FeedError(500, ErrorCode.INTERNAL_SERVER_ERROR, 'Erreur interne du serveur.');
  }
}

/**
 * Feeds and pages read the graph as a client would: the same operation, planned and executed by
 * the gateway, so the same field rules hold (the subgraphs apply them to the reader they are given).
 * No token: anonymous. A feed token: forwarded (GatewayContext.feedToken), never a JWT.
 */
export function graphRunner(apollo: ApolloServer<GatewayContext>): RunOperation {
  return async <T>(query: string, variables: Record<string, unknown>, reader: FeedReader): Promise<T> => {
    // Not even shaped like a feed token (an empty `jeton=` included): refused here, never read as anonymous.
    if (reader.feedToken !== undefined && !isFeedToken(reader.feedToken)) throw unknownToken();
    const contextValue: GatewayContext = {
      authorization: undefined,
      viewer: Viewer.anonymous,
      feedToken: reader.feedToken,
      freshAfter: reader.freshAfter,
    };
    const response = await apollo.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('A feed operation answered incrementally.');
    const { data, errors } = response.body.singleResult;
    if (errors?.[0]) throw feedErrorOf(errors[0], errors);
    return data as T;
  };
}
