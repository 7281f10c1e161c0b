import type { IncomingMessage } from 'node:http';
import { type TokenVerifier, Viewer } from '@federess/auth';

export interface GatewayContext {
  /** The caller's Authorization header, forwarded to every subgraph (which verifies it again). */
  readonly authorization: string | undefined;
  /** Who asks, verified here first: a bad token never reaches a subgraph. */
  readonly viewer: Viewer;
  /**
   * A private calendar feed's token (`/agenda.ics?jeton=…`), set only by the gateway's own feed
   * routes: forwarded to the subgraphs, whose owner (rencontres) reads as its holder, read-only.
   */
  readonly feedToken?: string;
  /**
   * Per subgraph, the id of the last change event its answers must show, set only by the feed
   * routes (the version they read first): a subgraph whose change the cache has not applied yet is
   * called, not answered from the cache nor from a call begun earlier.
   */
  readonly freshAfter?: Readonly<Record<string, string>>;
}

/** An anonymous context (no token). */
export const ANONYMOUS_CONTEXT: GatewayContext = { authorization: undefined, viewer: Viewer.anonymous };

/**
 * Builds a request's context; an invalid token fails here, before planning, with UNAUTHENTICATED
 * and HTTP 401 (a missing token is anonymous, not an error).
 */
export function gatewayContextFactory(verifier: TokenVerifier) {
  return async (req: IncomingMessage): Promise<GatewayContext> => contextOf(verifier, req.headers.authorization);
}

/** The context of an Authorization value (an HTTP header or graphql-ws connectionParams). */
export async function contextOf(verifier: TokenVerifier, authorization: string | undefined): Promise<GatewayContext> {
  const viewer = await verifier.viewerOf(authorization);
  return { authorization: viewer.isAuthenticated ? authorization : undefined, viewer };
}
