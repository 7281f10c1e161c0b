import { type Client, type ClientOptions, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { Rencontre } from './graph';

export interface LiveEvent {
  id: string;
  type: string;
  revision: number;
  rencontre: Rencontre | null;
}

/** A real graphql-ws client (the one front-ends use) to a gateway or subgraph `/graphql`. */
export function liveClient(httpUrl: string, connectionParams: Record<string, unknown> = {}, options: Partial<ClientOptions> = {}): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
    ...options,
  });
}

/** How a graphql-ws connection ended, as its client saw it. */
export interface Ending {
  readonly closes: { code: number; reason: string }[];
  completed: number;
}

/** An eager client whose socket closes are recorded, to tell a closed socket from a failed operation. */
export function watchedClient(httpUrl: string, connectionParams: Record<string, unknown> = {}): { client: Client; ending: Ending } {
  const ending: Ending = { closes: [], completed: 0 };
  const client = liveClient(httpUrl, connectionParams, {
    lazy: false,
    onNonLazyError: () => undefined,
    on: { closed: (event) => ending.closes.push(event as { code: number; reason: string }) },
  });
  return { client, ending };
}

export interface Collector {
  readonly events: LiveEvent[];
  readonly errors: unknown[];
  /** Resolves once `count` events arrived; rejects after `ms` with what did arrive. */
  waitFor(count: number, ms?: number): Promise<LiveEvent[]>;
  stop(): void;
}

/** Subscribes and collects the root field's payloads. */
export function collect(client: Client, query: string, variables: Record<string, unknown> = {}, field = 'rencontresEnDirect'): Collector {
  const events: LiveEvent[] = [];
  const errors: unknown[] = [];
  const waiters: (() => void)[] = [];
  const stop = client.subscribe<Record<string, LiveEvent>>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        const event = result.data?.[field];
        if (event) events.push(event);
        for (const waiter of waiters) waiter();
      },
      error: (error) => {
        errors.push(error);
        for (const waiter of waiters) waiter();
      },
      complete: () => undefined,
    },
  );
  return {
    events,
    errors,
    stop,
    waitFor(count, ms = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (events.length >= count) {
            clearTimeout(timer);
            resolve(events.slice(0, count));
          } else if (errors.length) {
            clearTimeout(timer);
            reject(new Error(`subscription failed: ${JSON.stringify(errors)}`));
          }
        };
        const timer = setTimeout(() => reject(new Error(`only ${events.length} of ${count} events after ${ms} ms`)), ms);
        waiters.push(check);
        check();
      });
    },
  };
}
