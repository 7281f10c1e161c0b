/** The longest delay setTimeout honours (about 24.8 days); a longer one would fire at once. */
const PLUS_LONG_DELAI_MS = 2 ** 31 - 1;

/**
 * Calls `expire` when `expiresAt` (ms since the epoch) passes: a socket is authenticated once, at
 * connection, so without this a token would keep its rights on an open socket long after its `exp`.
 * Long delays are waited for in steps. Returns what cancels it (at the socket's close).
 */
export function surveillerExpiration(expiresAt: number | null, expire: () => void, now: () => number = Date.now): () => void {
  if (expiresAt === null) return () => undefined;
  let timer: NodeJS.Timeout | undefined;
  const armer = () => {
    const reste = expiresAt - now();
    if (reste <= 0) return expire();
    timer = setTimeout(armer, Math.min(reste, PLUS_LONG_DELAI_MS));
    // An open socket keeps the process alive already; a pending expiry alone must not.
    timer.unref();
  };
  armer();
  return () => clearTimeout(timer);
}
