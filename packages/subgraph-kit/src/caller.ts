import type { IncomingMessage } from 'node:http';
import type { AuthSettings } from '@federess/config';
import { checkGatewayClaim, createTokenVerifier, GATEWAY_HEADER, type Viewer } from '@federess/auth';

/** Who sent a request to a subgraph: the token's viewer, and whether the gateway relayed it. */
export interface Caller {
  readonly viewer: Viewer;
  /** True when the request carries the gateway's shared secret (a request claiming it wrongly is refused). */
  readonly fromGateway: boolean;
}

/** Authenticates from an Authorization value and a gateway claim, wherever they came from (HTTP or graphql-ws). */
export type Authenticate = (authorization: unknown, gatewayClaim: unknown) => Promise<Caller>;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : undefined;

/**
 * Every subgraph verifies the token itself, with the same package as the gateway: a regional site
 * calls its subgraph directly, so the gateway's check cannot be relied upon.
 */
export function createAuthenticate(settings: AuthSettings): Authenticate {
  const verifier = createTokenVerifier(settings);
  return async (authorization, gatewayClaim) => {
    const fromGateway = checkGatewayClaim(text(gatewayClaim), settings.gatewaySecret);
    return { viewer: await verifier.viewerOf(text(authorization)), fromGateway };
  };
}

/** The same, from an HTTP request's headers. */
export function authenticateRequest(authenticate: Authenticate, req: IncomingMessage): Promise<Caller> {
  return authenticate(req.headers.authorization, req.headers[GATEWAY_HEADER]);
}
