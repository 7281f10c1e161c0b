import * as net from 'node:net';
import { readGatewaySettings } from '@federess/config';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createServer, type GatewayServer } from '../src/server';

/** A raw TCP client: what it was sent back, and whether the server has closed it. */
interface RawClient {
  readonly socket: net.Socket;
  received: string;
  closed: boolean;
}

function connect(port: number): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const client: RawClient = { socket, received: '', closed: false };
    socket.on('data', (chunk) => (client.received += chunk.toString('utf8')));
    socket.on('close', () => (client.closed = true));
    socket.on('error', () => undefined);
    socket.once('connect', () => resolve(client));
    socket.once('error', reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends `parts` one at a time, `everyMs` apart, as long as the socket is open. */
async function trickle(client: RawClient, parts: string[], everyMs: number): Promise<void> {
  for (const part of parts) {
    if (client.closed) return;
    client.socket.write(part);
    await sleep(everyMs);
  }
}

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

describe('slow clients', () => {
  let gateway: GatewayServer;
  let port: number;
  const clients: RawClient[] = [];
  const open = async () => {
    const client = await connect(port);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    // Short bounds, so that the test waits a second rather than the defaults' ten; no subgraph is
    // called (nothing here gets as far as planning).
    gateway = await createServer(
      readGatewaySettings({
        FEDERESS_HTTP_HEADERS_TIMEOUT_MS: '300',
        FEDERESS_HTTP_REQUEST_TIMEOUT_MS: '600',
        FEDERESS_HTTP_KEEP_ALIVE_TIMEOUT_MS: '400',
        FEDERESS_MAX_CONNECTIONS_PER_ADDRESS: '6',
      }),
    );
    port = Number(new URL(await gateway.listen(0)).port);
  });
  afterEach(async () => {
    const done = clients.splice(0);
    for (const client of done) client.socket.destroy();
    // The server counts a connection until it has seen it close: the next test starts from none.
    await until(() => done.every((c) => c.closed), 1000);
    await sleep(100);
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  it('closes a connection whose headers never end (FEDERESS_HTTP_HEADERS_TIMEOUT_MS)', async () => {
    const client = await open();
    const headers = ['POST /graphql HTTP/1.1\r\n', 'Host: localhost\r\n', ...Array.from({ length: 40 }, (_, i) => `X-Lent-${i}: 1\r\n`)];
    void trickle(client, headers, 100);
    expect(await until(() => client.closed, 2500)).toBe(true);
  });

  it('closes a connection whose body comes a byte at a time (FEDERESS_HTTP_REQUEST_TIMEOUT_MS)', async () => {
    const client = await open();
    client.socket.write('POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n');
    void trickle(
      client,
      Array.from({ length: 200 }, () => ' '),
      50,
    );
    expect(await until(() => client.closed, 3000)).toBe(true);
    expect(client.received).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes an idle kept-alive connection (FEDERESS_HTTP_KEEP_ALIVE_TIMEOUT_MS)', async () => {
    const client = await open();
    client.socket.write('GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n');
    expect(await until(() => client.received.includes('\r\n\r\n'), 2000)).toBe(true);
    expect(await until(() => client.closed, 2000)).toBe(true);
  });

  it('caps the connections one address holds open (FEDERESS_MAX_CONNECTIONS_PER_ADDRESS), then lets it in again', async () => {
    const held: RawClient[] = [];
    for (let i = 0; i < 6; i++) held.push(await open());
    const refused = await open();
    expect(await until(() => refused.closed, 2000)).toBe(true);
    expect(refused.received).toMatch(/^HTTP\/1\.1 429/);
    expect(refused.received).toContain('"code":"RATE_LIMITED"');
    expect(held.some((c) => c.closed)).toBe(false);
    const [first] = held as [RawClient];
    first.socket.destroy();
    await until(() => first.closed, 1000);
    await sleep(50);
    const again = await open();
    again.socket.write('GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n');
    expect(await until(() => again.received.includes('HTTP/1.1'), 2000)).toBe(true);
    expect(again.received).toMatch(/^HTTP\/1\.1 (200|503)/);
  });

  it('leaves an open WebSocket alone: the request bounds end with the upgrade', async () => {
    const client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0 });
    const closed: number[] = [];
    client.on('closed', (event) => closed.push((event as { code: number }).code));
    await new Promise<void>((resolve, reject) => {
      client.on('connected', () => resolve());
      client.on('closed', () => reject(new Error('closed before connecting')));
    });
    await sleep(1500);
    expect(closed).toEqual([]);
    const answer = await new Promise<unknown>((resolve, reject) =>
      client.subscribe({ query: '{ __typename }' }, { next: resolve, error: reject, complete: () => undefined }),
    );
    expect(answer).toEqual({ data: { __typename: 'Query' } });
    await client.dispose();
  });
});
