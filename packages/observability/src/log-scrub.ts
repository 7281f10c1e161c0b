/**
 * The last line of defence of the logs: whatever a message or a field holds, these never reach a
 * log line. The hub's code already logs no value a client sent (see describeInternalError); this
 * catches what a library puts in an error message (a driver quoting a value, a URL with its
 * credentials, a header echoed back).
 */
const PATTERNS: readonly [RegExp, string][] = [
  // A JWT (header.payload.signature, base64url): an access token.
  [/\beyJ[\w-]{6,}\.[\w-]{6,}\.[\w-]*/g, '[jeton masqué]'],
  [/\bBearer\s+[^\s"',;]+/gi, 'Bearer [masqué]'],
  // A private calendar feed's token (`agenda_…`).
  [/\bagenda_[\w-]{16,}/g, '[jeton d’agenda masqué]'],
  // Credentials in a URL (postgres://user:password@host).
  [/(\/\/)[^/\s:@]+:[^/\s@]+@/g, '$1[masqué]@'],
  [/[\w.+-]+@[\w-]+(\.[\w-]+)*\.[a-z]{2,}\b/gi, '[e-mail masqué]'],
];

const secrets = new Set<string>();

/** Values that must never be logged as they are (the JWT secret, the gateway secret): masked wherever they appear. */
export function hideSecrets(values: readonly (string | undefined)[]): void {
  for (const value of values) if (value && value.length >= 8) secrets.add(value);
}

/** A text with every token, e-mail, credential and known secret masked. */
export function scrub(text: string): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join('[secret masqué]');
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** A log record's fields, every string in them scrubbed (objects and arrays followed, a few levels deep). */
export function scrubFields(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrubFields(item, depth + 1));
  if (value instanceof Error) return { type: value.name, message: scrub(value.message), stack: value.stack && scrub(value.stack) };
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = scrubFields(item, depth + 1);
  return out;
}
