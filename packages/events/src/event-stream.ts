import { recordReplay, watchLiveFeedClients } from '@federess/observability';
import type { DataSource } from 'typeorm';
import type { OutboxEvent } from './outbox-event';
import type { OutboxListener } from './outbox-listener';
import { OutboxStream } from './outbox-stream';
import { parseResumePoint, readReplayBatch } from './replay';

/** Live events one subscriber may have waiting before it is ended with SLOW_CONSUMER (as on the gateway). */
export const DEFAULT_MAX_PENDING_EVENTS = 1000;

/** Streams open now, by the transport their client came through: federess_live_feed_clients. */
const openStreams = new Map<string, number>();
for (const transport of ['graphql-ws', 'sse']) watchLiveFeedClients(transport, () => openStreams.get(transport) ?? 0);

export interface EventStreamOptions {
  /** How the client is connected, for the metrics (default graphql-ws). */
  readonly transport?: 'graphql-ws' | 'sse';
  /** Replay the events after this id first (a client's last event seen), then go live. */
  readonly apres?: string | null;
  /** Which events this subscriber wants. */
  readonly matches: (event: OutboxEvent) => boolean;
  /** Rows read per replay statement (default 500). */
  readonly batchSize?: number;
  /** Live events waiting for this subscriber before it is ended (default 1000). */
  readonly maxPending?: number;
}

/**
 * Opens a subscriber's stream: replays the outbox after `apres`, then continues live, with no gap and
 * no duplicate at the seam (see OutboxStream). Checks `apres` and reads the first replay batch before
 * returning, so a bad one is an error of the subscription itself, not of its first event.
 */
export async function openEventStream(
  listener: OutboxListener,
  dataSource: DataSource,
  options: EventStreamOptions,
): Promise<AsyncIterableIterator<OutboxEvent>> {
  const apres = options.apres === null || options.apres === undefined ? undefined : parseResumePoint(options.apres);
  const batchSize = options.batchSize ?? 500;
  let first = true;
  const stream = new OutboxStream(listener, options.matches, options.maxPending ?? DEFAULT_MAX_PENDING_EVENTS, apres, (after) => {
    const batch = readReplayBatch(dataSource, after, batchSize, first);
    first = false;
    return batch;
  });
  try {
    await stream.prime();
  } catch (error) {
    await stream.return();
    throw error;
  }
  if (apres !== undefined) recordReplay();
  const transport = options.transport ?? 'graphql-ws';
  openStreams.set(transport, (openStreams.get(transport) ?? 0) + 1);
  stream.onEnd(() => openStreams.set(transport, (openStreams.get(transport) ?? 1) - 1));
  return stream;
}
