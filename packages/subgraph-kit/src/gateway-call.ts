import type { IncomingMessage } from 'node:http';
import { checkGatewayClaim, GATEWAY_HEADER } from '@federess/auth';

/**
 * Whether a request proves it comes from the gateway (its shared secret). A wrong secret is not
 * trusted here; the request's context then refuses it with UNAUTHENTICATED.
 */
export function isGatewayCall(req: IncomingMessage, gatewaySecret: string): boolean {
  try {
    return checkGatewayClaim(req.headers[GATEWAY_HEADER], gatewaySecret);
  } catch {
    return false;
  }
}
