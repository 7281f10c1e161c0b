import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** How long readers and shared caches may keep a feed or page without asking again. */
export const FEED_MAX_AGE_SECONDS = 300;

/** What a representation's validators are made of (see versions.ts). */
export interface Version {
  /** A weak ETag: two answers with the same one mean the same thing, byte for byte or not. */
  readonly etag: string;
  /** When what it shows last changed; null when nothing says. */
  readonly lastModified: Date | null;
}

/**
 * A version from everything a representation depends on: its route and parameters, who reads it,
 * and the data's own version (the last event, the last update). Bump RENDERING when the output
 * format changes, so that caches do not keep the old rendering under a matching ETag.
 */
const RENDERING = '1';
export function versionOf(parts: readonly unknown[], lastModified: Date | null): Version {
  const digest = createHash('sha256')
    .update(JSON.stringify([RENDERING, ...parts]))
    .digest('base64url')
    .slice(0, 27);
  return { etag: `W/"${digest}"`, lastModified };
}

const opaque = (tag: string): string => tag.trim().replace(/^W\//, '');

/**
 * Whether the reader already has this version (RFC 9110 §13.1): If-None-Match, compared weakly,
 * wins; without it, If-Modified-Since against Last-Modified, to the second.
 */
export function isNotModified(req: IncomingMessage, version: Version): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    const tags = ifNoneMatch.split(',').map((tag) => tag.trim());
    return tags.includes('*') || tags.some((tag) => opaque(tag) === opaque(version.etag));
  }
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  if (Number.isNaN(since) || !version.lastModified) return false;
  return Math.floor(version.lastModified.getTime() / 1000) * 1000 <= since;
}

export interface Representation {
  readonly contentType: string;
  readonly body: string;
  readonly version: Version;
  /** Private feeds: only the reader's own cache may keep them. */
  readonly private?: boolean;
  /** Request headers the answer depends on, beside the URL (`Accept` for negotiated pages). */
  readonly vary?: string;
}

function validators(res: ServerResponse, version: Version, isPrivate: boolean, vary: string | undefined): void {
  res.setHeader('etag', version.etag);
  if (version.lastModified) res.setHeader('last-modified', version.lastModified.toUTCString());
  res.setHeader('cache-control', `${isPrivate ? 'private' : 'public'}, max-age=${FEED_MAX_AGE_SECONDS}`);
  if (vary) res.setHeader('vary', vary);
}

/** 304 with the validators, no body. */
export function sendNotModified(res: ServerResponse, version: Version, isPrivate: boolean, vary?: string): void {
  validators(res, version, isPrivate, vary);
  res.writeHead(304);
  res.end();
}

/** 200 with the validators, or 304 when the reader has this version already; HEAD gets the headers alone. */
export function sendRepresentation(req: IncomingMessage, res: ServerResponse, representation: Representation): void {
  const isPrivate = representation.private ?? false;
  if (isNotModified(req, representation.version)) return sendNotModified(res, representation.version, isPrivate, representation.vary);
  validators(res, representation.version, isPrivate, representation.vary);
  res.writeHead(200, { 'content-type': representation.contentType, 'content-length': Buffer.byteLength(representation.body) });
  res.end(req.method === 'HEAD' ? undefined : representation.body);
}
