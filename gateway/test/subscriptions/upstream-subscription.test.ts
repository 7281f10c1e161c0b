import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { EVENT_ID_KEY } from '../../src/subscriptions/supergraph-planner';
import { type UpstreamOptions, UpstreamSubscription } from '../../src/subscriptions/upstream-subscription';

/** A subgraph's graphql-ws end, driven by the test (raw protocol: it can fail to answer pings). */
class FakeUpstream {
  readonly sockets: WebSocket[] = [];
  readonly subscriptions: { socket: WebSocket; id: string; query: string }[] = [];
  answerPings = true;
  private readonly wss = new WebSocketServer({ port: 0, handleProtocols: () => 'graphql-transport-ws' });

  constructor() {
    this.wss.on('connection', (socket) => {
      this.sockets.push(socket);
      socket.on('message', (raw) => {
        const text = Array.isArray(raw)
          ? Buffer.concat(raw).toString()
          : Buffer.from(raw instanceof ArrayBuffer ? new Uint8Array(raw) : raw).toString();
        const message = JSON.parse(text) as { type: string; id?: string; payload?: { query: string } };
        if (message.type === 'connection_init')
          socket.send(JSON.stringify({ type: 'connection_ack', payload: { dernierEvenementId: '0' } }));
        if (message.type === 'ping' && this.answerPings) socket.send(JSON.stringify({ type: 'pong' }));
        if (message.type === 'subscribe') this.subscriptions.push({ socket, id: message.id!, query: message.payload!.query });
      });
    });
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.wss.address() as AddressInfo).port}/graphql`;
  }

  get last() {
    return this.subscriptions[this.subscriptions.length - 1]!;
  }

  send(type: 'next' | 'error' | 'complete', payload?: unknown): void {
    const { socket, id } = this.last;
    socket.send(JSON.stringify({ type, id, ...(payload === undefined ? {} : { payload }) }));
  }

  event(id: string): void {
    this.send('next', { data: { rencontresEnDirect: { [EVENT_ID_KEY]: id, type: 'MODIFIEE' } } });
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }
}

const until = async (condition: () => boolean, ms = 3000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('UpstreamSubscription', () => {
  let fake: FakeUpstream;
  let upstream: UpstreamSubscription;
  let events: string[];
  let fatal: unknown[];

  const start = (options: Partial<UpstreamOptions> = {}) => {
    upstream = new UpstreamSubscription(
      {
        url: fake.url,
        operation: `subscription { rencontresEnDirect { type ${EVENT_ID_KEY}: id } }`,
        variables: {},
        connectionParams: {},
        rootKey: 'rencontresEnDirect',
        onEvent: (data) => events.push((data.rencontresEnDirect as Record<string, string>)[EVENT_ID_KEY]!),
        onFatalError: (errors) => fatal.push(...errors),
        initialBackoffMs: 1,
        maxBackoffMs: 10,
        ...options,
      },
      undefined,
    );
    upstream.start();
  };

  beforeEach(() => {
    fake = new FakeUpstream();
    events = [];
    fatal = [];
  });
  afterEach(async () => {
    upstream.stop();
    // Let the client's closing handshake end, or the server waits for it.
    await new Promise((r) => setTimeout(r, 50));
    await fake.close();
  });

  it('drops an upstream that stops answering pings, then resumes after the last event', async () => {
    start({ keepAliveMs: 50, pongTimeoutMs: 100 });
    await until(() => fake.subscriptions.length === 1);
    fake.event('7');
    await until(() => events.length === 1);
    fake.answerPings = false;
    await until(() => fake.subscriptions.length === 2);
    expect(fake.sockets).toHaveLength(2);
    expect(fake.last.query).toMatch(/apres: "7"/);
    expect(fatal).toEqual([]);
  });

  it('keeps an upstream that answers its pings', async () => {
    start({ keepAliveMs: 30, pongTimeoutMs: 60 });
    await until(() => fake.subscriptions.length === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.sockets).toHaveLength(1);
    expect(upstream.connected).toBe(true);
  });

  it('resubscribes after a transient upstream error instead of ending its clients', async () => {
    start();
    await until(() => fake.subscriptions.length === 1);
    fake.event('3');
    await until(() => events.length === 1);
    fake.send('error', [{ message: 'connexion à la base perdue', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    await until(() => fake.subscriptions.length === 2);
    expect(fake.last.query).toMatch(/apres: "3"/);
    fake.event('4');
    await until(() => events.length === 2);
    expect(events).toEqual(['3', '4']);
    expect(fatal).toEqual([]);
  });

  it('resubscribes when the subgraph completes the stream unasked', async () => {
    start();
    await until(() => fake.subscriptions.length === 1);
    fake.send('complete');
    await until(() => fake.subscriptions.length === 2);
    expect(fatal).toEqual([]);
  });

  it.each([
    ['an error message', 'EVENTS_EXPIRED', (errors: unknown) => fake.send('error', errors)],
    ['an error message', 'DEPTH_LIMIT_EXCEEDED', (errors: unknown) => fake.send('error', errors)],
    ['a next without data', 'BAD_USER_INPUT', (errors: unknown) => fake.send('next', { errors })],
  ])('ends its clients on %s with client-caused code %s, without retrying', async (_how, code, send) => {
    start();
    await until(() => fake.subscriptions.length === 1);
    send([{ message: 'refusé', extensions: { code } }]);
    await until(() => fatal.length === 1);
    expect(fatal).toEqual([{ message: 'refusé', extensions: { code } }]);
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.subscriptions).toHaveLength(1);
  });

  it('ignores the close of a disposed connection once its replacement is up', async () => {
    start();
    await until(() => fake.subscriptions.length === 1);
    // The old socket's close handshake is held back until the new connection has subscribed.
    const old = fake.sockets[0]! as WebSocket & { _socket: { pause(): void; resume(): void } };
    old._socket.pause();
    fake.send('error', [{ message: 'redémarrage', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }]);
    await until(() => fake.subscriptions.length === 2);
    await until(() => upstream.connected);
    old._socket.resume();
    await until(() => old.readyState === WebSocket.CLOSED);
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.sockets).toHaveLength(2);
    expect(upstream.connected).toBe(true);
  });

  it('counts as connected only while the connection is up', async () => {
    start();
    await until(() => upstream.connected);
    fake.answerPings = false;
    const first = fake.sockets[0]!;
    // Refuse the reconnection: the upstream is down for a while.
    await fake.close();
    await until(() => first.readyState === WebSocket.CLOSED);
    await until(() => !upstream.connected);
    expect(upstream.connections).toBe(1);
  });
});
