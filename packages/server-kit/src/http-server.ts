import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { LimitSettings } from '@federess/config';
import { recordLimitRefusal } from '@federess/observability';
import { ErrorCode } from './error-codes';

type Bounds = Pick<LimitSettings, 'headersTimeoutMs' | 'requestTimeoutMs' | 'keepAliveTimeoutMs' | 'maxConnectionsPerAddress'>;

/** What a connection over the per-address cap is told before it is closed: a plain HTTP 429, as the rate limits answer. */
function refusal(max: number): string {
  const body = JSON.stringify({
    errors: [
      {
        message: `Trop de connexions ouvertes depuis cette adresse (${max} au plus) : fermez-en avant d’en ouvrir d’autres.`,
        extensions: { code: ErrorCode.RATE_LIMITED },
      },
    ],
  });
  return [
    'HTTP/1.1 429 Too Many Requests',
    'content-type: application/json; charset=utf-8',
    `content-length: ${Buffer.byteLength(body)}`,
    'connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * Refuses a connection from an address that already holds `max` open ones (HTTP keep-alive and
 * WebSocket alike: they are the same TCP connections), before anything of it is read.
 */
function capConnectionsPerAddress(server: Server, max: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'inconnue';
    const count = open.get(address) ?? 0;
    if (count >= max) {
      recordLimitRefusal('connections_per_address');
      socket.end(refusal(max));
      // A client that does not read its answer must not hold the socket either.
      setTimeout(() => socket.destroy(), 1000).unref();
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}

/**
 * The `node:http` server of every FédérESS service, bounded against slow clients: a client gets
 * `headersTimeoutMs` to send its headers and `requestTimeoutMs` for the whole request (Node answers
 * 408 and closes), an idle kept-alive connection is closed after `keepAliveTimeoutMs`, and one address
 * holds at most `maxConnectionsPerAddress` connections (0: no cap). Node checks the request bounds
 * every `connectionsCheckingInterval`, a fraction of the shorter one, so they are kept to within
 * about a quarter. A WebSocket, once upgraded, is out of the request bounds: its own keep-alive
 * pings watch it.
 */
export function createBoundedServer(handler: (req: IncomingMessage, res: ServerResponse) => void, bounds: Bounds): Server {
  const server = createServer(
    {
      headersTimeout: bounds.headersTimeoutMs,
      requestTimeout: bounds.requestTimeoutMs,
      connectionsCheckingInterval: Math.max(25, Math.min(1000, Math.floor(bounds.headersTimeoutMs / 4))),
    },
    handler,
  );
  server.keepAliveTimeout = bounds.keepAliveTimeoutMs;
  if (bounds.maxConnectionsPerAddress > 0) capConnectionsPerAddress(server, bounds.maxConnectionsPerAddress);
  return server;
}
