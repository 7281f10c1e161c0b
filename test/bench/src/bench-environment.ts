/**
 * The settings every stack the bench starts runs with: the bench's client is one loopback address
 * sending thousands of requests a second and holding thousands of live-feed sockets, so the
 * per-address limits are off (the peers have none either).
 */
export const LOAD_FROM_ONE_ADDRESS: Readonly<Record<string, string>> = {
  FEDERESS_RATE_LIMIT_IP_PER_SECOND: '0',
  FEDERESS_RATE_LIMIT_TOKEN_PER_SECOND: '0',
  FEDERESS_MAX_CONNECTIONS_PER_ADDRESS: '0',
};
