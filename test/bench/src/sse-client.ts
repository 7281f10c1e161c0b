import * as http from 'node:http';

/** One live-feed client over Server-Sent Events, as light as the graphql-ws client it is compared with. */
export interface SseClient {
  dispose(): void;
}

/** No pooling: each client holds its own connection, as each browser tab would. */
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

/**
 * POSTs a subscription with `Accept: text/event-stream` and calls `onNext` with each `next`
 * message's result (the graphql-sse protocol's distinct-connections mode).
 */
export function sseSubscribe(
  url: string,
  payload: { query: string; variables: Record<string, unknown> },
  on: {
    connected: () => void;
    next: (result: { data?: Record<string, unknown>; errors?: unknown[] }) => void;
    error: (message: string) => void;
  },
): SseClient {
  const body = JSON.stringify(payload);
  const req = http.request(url, {
    method: 'POST',
    agent,
    headers: { accept: 'text/event-stream', 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  let buffer = '';
  req.on('response', (res) => {
    if (res.statusCode !== 200) {
      on.error(`HTTP ${res.statusCode}`);
      res.resume();
      return;
    }
    on.connected();
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!block.startsWith('event: next')) continue;
        const data = block.split('\n').find((line) => line.startsWith('data: '));
        if (data) on.next(JSON.parse(data.slice(6)) as { data?: Record<string, unknown> });
      }
    });
    res.on('error', () => undefined);
  });
  req.on('error', (error) => on.error(error.message));
  req.end(body);
  return { dispose: () => req.destroy() };
}
