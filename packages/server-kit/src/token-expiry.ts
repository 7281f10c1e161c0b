/** The longest delay setTimeout honours (about 24.8 days); a longer one fires at once. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * Calls `expire` once `expiresAt` (ms since the epoch; null for an anonymous caller, who never
 * expires) has passed. A graphql-ws socket is authenticated once, at connection: without this, its
 * subscriptions would keep the token's rights long after its `exp`. Long delays are waited for in
 * steps. Returns what cancels it, for the socket's close.
 */
export function watchTokenExpiry(expiresAt: number | null, expire: () => void, now: () => number = Date.now): () => void {
  if (expiresAt === null) return () => undefined;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const remaining = expiresAt - now();
    if (remaining <= 0) return expire();
    timer = setTimeout(arm, Math.min(remaining, LONGEST_TIMER_MS));
    // A pending expiry alone must not keep a stopping process alive.
    timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
}
