import type WebSocket from 'ws';

/** graphql-ws' Forbidden: the client asks for a new token (connectionParams) and reconnects. */
export const TOKEN_EXPIRED_CLOSE_CODE = 4403;
/** setTimeout fires at once beyond this delay (about 24.8 days); tokens may live a year. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A socket is authenticated once, at connection: without this, its subscriptions would keep
 * receiving protected fields after the token expired. At `expiresAt` (ms since the epoch; null for
 * an anonymous connection, which never expires) the socket is closed with 4403.
 */
export function closeAtTokenExpiry(socket: WebSocket, expiresAt: number | null): void {
  if (expiresAt === null) return;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const remaining = expiresAt - Date.now();
    if (remaining <= 0) {
      socket.close(TOKEN_EXPIRED_CLOSE_CODE, 'Jeton expiré');
      return;
    }
    timer = setTimeout(arm, Math.min(remaining, MAX_TIMER_MS));
    // A pending expiry must not keep a stopping process alive.
    timer.unref();
  };
  socket.once('close', () => clearTimeout(timer));
  arm();
}
