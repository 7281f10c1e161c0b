import { type Environment, readOptionalString, SettingError } from './read';

/**
 * Which web pages may call the hub from the browser. Tokens are bearer tokens, never cookies, so
 * any origin may be allowed without exposing a session: `*` is the default.
 */
export interface CorsSettings {
  /**
   * `FEDERESS_CORS_ORIGINS` (default `*`): the origins (`https://www.exemple.fr`, comma-separated) whose
   * pages may call the hub, or `*` for any. Another origin gets no CORS headers (the browser blocks
   * its calls), and its graphql-ws and Server-Sent Events connections are refused.
   */
  readonly origins: '*' | readonly string[];
}

/** An origin as browsers send it: scheme, host and port, nothing else. */
function origin(name: string, raw: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SettingError(name, raw, 'origins such as https://www.exemple.fr, comma-separated, or *');
  }
  if (!/^https?:$/.test(url.protocol) || url.origin !== value.replace(/\/$/, ''))
    throw new SettingError(name, raw, 'origins such as https://www.exemple.fr (no path), comma-separated, or *');
  return url.origin;
}

export function readCorsSettings(env: Environment = process.env): CorsSettings {
  const raw = readOptionalString(env, 'FEDERESS_CORS_ORIGINS');
  if (raw === undefined || raw === '*') return { origins: '*' };
  const origins = raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => origin('FEDERESS_CORS_ORIGINS', raw, part));
  if (origins.length === 0) throw new SettingError('FEDERESS_CORS_ORIGINS', raw, 'at least one origin, or *');
  return { origins };
}
