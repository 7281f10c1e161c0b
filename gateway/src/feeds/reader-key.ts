import { createHash } from 'node:crypto';
import type { FeedReader } from './graph';

/** Who reads, as part of a version: public, or one private feed (its token's digest, never the token). */
export const readerKey = (reader: FeedReader): string =>
  reader.feedToken === undefined ? 'public' : `prive:${createHash('sha256').update(reader.feedToken).digest('base64url')}`;
