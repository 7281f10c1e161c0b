import { createHash, randomBytes } from 'node:crypto';

/**
 * Private calendar feeds (`/agenda.ics?jeton=…`): calendar apps cannot send an Authorization
 * header, so the feed URL carries a random, revocable, read-only feed token instead. It is not a
 * JWT and never the person's access token; the hub stores only its digest.
 */

/** The header by which the gateway hands the rencontres subgraph the feed token of a calendar URL. */
export const FEED_TOKEN_HEADER = 'x-federess-jeton-agenda';

const PREFIX = 'agenda_';
/** 32 random bytes, base64url: as hard to guess as a 256-bit key. */
const SHAPE = /^agenda_[A-Za-z0-9_-]{43}$/;

/** A new feed token, shown once to its owner. */
export function newFeedToken(): string {
  return `${PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Whether a value can be a feed token at all: anything else is refused before any SQL. */
export function isFeedToken(value: string): boolean {
  return SHAPE.test(value);
}

/**
 * What is stored and looked up: the token's SHA-256. A fast digest is enough for a random 256-bit
 * secret (nothing to brute-force, unlike a password), and the table never holds a usable token.
 */
export function feedTokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
