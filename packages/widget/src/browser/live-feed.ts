import { type AgendaFilters, LIVE_SUBSCRIPTION, type LiveEvent, liveVariables } from './agenda-data';

export interface LiveFeedOptions {
  /** The hub's `/graphql`. */
  readonly endpoint: string;
  readonly filters: AgendaFilters;
  /** Where the id of the last event received is kept (localStorage), to resume after a reload. */
  readonly storageKey: string;
  readonly onEvent: (event: LiveEvent) => void;
  /** The stream is open: events from now on are not missed. */
  readonly onOpen: () => void;
  /** The feed restarted from scratch (its resume point was too old): the list must be reloaded. */
  readonly onReset: () => void;
}

const storage = (): Storage | undefined => {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage denied (privacy settings): the feed still works, without resuming after a reload
  }
};

/**
 * The live feed over Server-Sent Events with a plain EventSource: every message carries the event
 * id, which the browser sends back as `Last-Event-ID` when it reconnects by itself (the hub resumes
 * after it, as with `apres`), and which is kept in localStorage so that a reload resumes too.
 */
export class LiveFeed {
  private source: EventSource | undefined;
  private retry: number | undefined;

  constructor(private readonly options: LiveFeedOptions) {}

  start(): void {
    this.stop();
    const apres = storage()?.getItem(this.options.storageKey) ?? undefined;
    const url = new URL(this.options.endpoint);
    url.searchParams.set('query', LIVE_SUBSCRIPTION);
    url.searchParams.set('variables', JSON.stringify(liveVariables(this.options.filters, apres)));
    const source = new EventSource(url);
    this.source = source;
    source.addEventListener('open', () => this.options.onOpen());
    source.addEventListener('next', (message: MessageEvent<string>) => {
      const result = JSON.parse(message.data) as {
        data?: { rencontresEnDirect?: LiveEvent };
        errors?: { extensions?: { code?: string } }[];
      };
      if (result.errors?.some((e) => e.extensions?.code === 'EVENTS_EXPIRED')) return this.reset();
      const event = result.data?.rencontresEnDirect;
      if (!event) return;
      if (message.lastEventId) storage()?.setItem(this.options.storageKey, message.lastEventId);
      this.options.onEvent(event);
    });
    // The feed said it is over (an error it reported): start again, after the last event kept.
    source.addEventListener('complete', () => this.restartSoon());
    // Refused outright (a resume point the hub does not know): start again from now.
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) this.reset();
    });
  }

  stop(): void {
    this.source?.close();
    this.source = undefined;
    window.clearTimeout(this.retry);
  }

  private reset(): void {
    storage()?.removeItem(this.options.storageKey);
    this.options.onReset();
    this.restartSoon();
  }

  private restartSoon(): void {
    this.stop();
    this.retry = window.setTimeout(() => this.start(), 5000);
  }
}
