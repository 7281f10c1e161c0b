import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RunOperation } from './graph';
import type { Vocabulary } from './vocabulary';

/** What every feed and page route needs. */
export interface FeedDeps {
  /** Runs an operation through the gateway itself. */
  readonly run: RunOperation;
  /** The gateway's public address (FEDERESS_PUBLIC_URL), without a trailing slash. */
  readonly publicUrl: string;
  readonly vocabulary: Vocabulary;
  /** The clock (injected in tests). */
  readonly now: () => Date;
}

/** One route: the request, its parsed URL, the path's parameter (an id) when it has one. */
export type FeedHandler = (req: IncomingMessage, res: ServerResponse, url: URL, deps: FeedDeps, id?: string) => Promise<void>;
