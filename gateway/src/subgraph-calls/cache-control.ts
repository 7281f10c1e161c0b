/** The part of Apollo's cache hint a subgraph's Cache-Control can set. */
export interface CacheHint {
  maxAge: number;
  scope?: 'PUBLIC' | 'PRIVATE';
}

/** Apollo's reading of a Cache-Control header (as @apollo/gateway's RemoteGraphQLDataSource does). */
export function parseCacheControl(header: string | undefined): Record<string, string | true> {
  const directives: Record<string, string | true> = {};
  if (!header) return directives;
  for (const part of header.trim().split(/\s*,\s*/)) {
    const [key, value] = part.split(/\s*=\s*/, 2);
    if (key) directives[key] = value === undefined ? true : value.replace(/^"|"$/g, '');
  }
  return directives;
}

/**
 * The hint a subgraph's Cache-Control gives its part of the operation, as Apollo's data source
 * computes it: no header (or no valid max-age) means max-age 0, so an answer the subgraph did not
 * declare cacheable makes the whole operation uncacheable.
 */
export function cacheHintOf(header: string | undefined): CacheHint {
  const parsed = parseCacheControl(header);
  const hint: CacheHint = { maxAge: 0 };
  const maxAge = parsed['max-age'];
  if (typeof maxAge === 'string' && /^[0-9]+$/.test(maxAge)) hint.maxAge = Number(maxAge);
  if (parsed.private === true) hint.scope = 'PRIVATE';
  if (parsed.public === true) hint.scope = 'PUBLIC';
  return hint;
}
