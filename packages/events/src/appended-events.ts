import { AsyncLocalStorage } from 'node:async_hooks';

/** What a request's changes named (an event's entities and root fields together), for whoever made the request. */
export type AppendedEvent = { readonly id: string; readonly tags: readonly string[] };

const requestEvents = new AsyncLocalStorage<AppendedEvent[]>();

/**
 * Runs one request (its whole async chain) noting the events its changes append, so that its answer
 * can tell the caller what it changed: the gateway evicts that from its cache before it answers, not
 * only when the NOTIFY arrives (read-your-writes). An event of a transaction that later rolled back
 * is noted too: evicting more than changed is harmless.
 */
export function collectAppendedEvents<T>(run: () => T): T {
  return requestEvents.run([], run);
}

/** The events appended so far by the current request (none outside collectAppendedEvents). */
export function appendedEvents(): readonly AppendedEvent[] {
  return requestEvents.getStore() ?? [];
}

export function noteAppendedEvent(event: AppendedEvent): void {
  requestEvents.getStore()?.push(event);
}
