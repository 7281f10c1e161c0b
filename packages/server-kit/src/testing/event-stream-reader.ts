/** One Server-Sent Events message as a client receives it. */
export interface StreamMessage {
  readonly event: string;
  readonly id: string | undefined;
  readonly data: unknown;
}

export interface EventStreamReader {
  /** The HTTP status and content type of the answer. */
  readonly status: number;
  readonly contentType: string;
  /** The `next` and `complete` messages so far, in order. */
  readonly messages: StreamMessage[];
  /** The last `id:` received, events or not (what a browser would send as Last-Event-ID). */
  readonly lastEventId: string | undefined;
  /** Comment lines (keep-alives) seen so far. */
  readonly comments: number;
  /** Whether the server ended the answer. */
  readonly ended: Promise<void>;
  /** The body when the answer is not a stream (a refusal in JSON). */
  readonly json: unknown;
  /** The status and first error code of a refusal (an answer that is not a stream). */
  readonly refusal: { status: number; code: string | undefined } | undefined;
  /** Resolves once `count` `next` messages arrived; rejects after `ms` with what did arrive. */
  waitFor(count: number, ms?: number): Promise<StreamMessage[]>;
  close(): void;
}

/**
 * A GraphQL subscription over Server-Sent Events, read by a plain HTTP client (fetch) as a browser's
 * EventSource parses it, so that tests see the `id:` fields and can send `Last-Event-ID`.
 */
export async function readEventStream(
  url: string,
  init: { method?: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string> },
): Promise<EventStreamReader> {
  const controller = new AbortController();
  const response = await fetch(url, {
    method: init.method ?? 'POST',
    headers: { accept: 'text/event-stream', ...(init.method === 'GET' ? {} : { 'content-type': 'application/json' }), ...init.headers },
    body: init.method === 'GET' ? undefined : JSON.stringify(init.body),
    signal: controller.signal,
  });
  const contentType = response.headers.get('content-type') ?? '';
  const messages: StreamMessage[] = [];
  const waiters = new Set<() => void>();
  const reader = {
    status: response.status,
    contentType,
    messages,
    comments: 0,
    lastEventId: undefined as string | undefined,
    json: undefined as unknown,
    refusal: undefined as { status: number; code: string | undefined } | undefined,
    ended: Promise.resolve(),
    waitFor(count: number, ms = 10_000) {
      return new Promise<StreamMessage[]>((resolve, reject) => {
        const nexts = () => messages.filter((m) => m.event === 'next');
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`only ${nexts().length} of ${count} events after ${ms} ms: ${JSON.stringify(messages)}`));
        }, ms);
        const check = () => {
          if (nexts().length >= count) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve(nexts().slice(0, count));
          }
        };
        waiters.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
  if (!contentType.includes('text/event-stream')) {
    reader.json = await response.json();
    const errors = (reader.json as { errors?: { extensions?: { code?: string } }[] }).errors;
    reader.refusal = { status: response.status, code: errors?.[0]?.extensions?.code };
    return reader;
  }
  reader.ended = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields: Record<string, string> = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) reader.comments += 1;
            else {
              const colon = line.indexOf(':');
              const name = colon < 0 ? line : line.slice(0, colon);
              fields[name] = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            }
          }
          if (fields.id !== undefined) reader.lastEventId = fields.id;
          if (fields.event) {
            messages.push({ event: fields.event, id: fields.id, data: fields.data ? (JSON.parse(fields.data) as unknown) : null });
            for (const waiter of [...waiters]) waiter();
          }
        }
      }
    } catch {
      // Aborted by close().
    }
  })();
  return reader;
}
