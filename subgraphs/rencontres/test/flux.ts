import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { authHeaders, type TestCaller } from '@federess/auth/testing';
import type { Data, Rencontre } from './graph';
import type { TestServer } from './helpers';

/** What a graphql-ws operation received: results, the errors it ended with, or the close of its socket. */
export interface Received {
  readonly results: FormattedExecutionResult<Data, unknown>[];
  errors?: readonly GraphQLFormattedError[];
  closeCode?: number;
  completed: boolean;
}

export interface SocketConnection {
  readonly client: Client;
  /** The connection_ack's `dernierEvenementId`: subscribing after it misses nothing committed since. */
  readonly head: string;
  /** Resolves with the close code of the socket. */
  readonly closed: Promise<number>;
}

/** Opens a graphql-ws connection to the subgraph (no retry), once acknowledged. */
export async function connect(t: TestServer, connectionParams: Record<string, unknown> = {}): Promise<SocketConnection> {
  let close!: (code: number) => void;
  const closed = new Promise<number>((resolve) => (close = resolve));
  let ack!: (id: string) => void;
  const acknowledged = new Promise<string>((resolve, reject) => {
    ack = resolve;
    closed.then(
      (code) => reject(new Error(`socket fermée (${code}) avant connection_ack`)),
      () => undefined,
    );
  });
  const client = createClient({
    url: t.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: {
      connected: (_socket, payload) => ack(String((payload as { dernierEvenementId?: unknown } | undefined)?.dernierEvenementId)),
      closed: (event) => close((event as { code: number }).code),
    },
  });
  return { client, head: await acknowledged, closed };
}

/** graphql-ws ends a refused operation with its list of errors, and a lost socket with its close event. */
const isErrorList = (value: unknown): value is GraphQLFormattedError[] =>
  Array.isArray(value) && value.every((e) => typeof (e as { message?: unknown }).message === 'string');

/** Sends one operation (query or subscription) and records what comes back. */
export function send(client: Client, query: string, variables?: Record<string, unknown>): Received {
  const received: Received = { results: [], completed: false };
  client.subscribe<Data>(
    { query, variables },
    {
      next: (result) => received.results.push(result),
      error: (error: unknown) => {
        if (isErrorList(error)) received.errors = error;
        else received.closeCode = (error as { code?: number }).code;
      },
      complete: () => {
        received.completed = true;
      },
    },
  );
  return received;
}

/** Waits until `condition` holds, or fails after `ms`. */
export async function waitUntil(condition: () => boolean, ms = 5000, what = 'la condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} n'est pas arrivée en ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Sends an operation and waits for its answer: its first result, or the errors it was refused with. */
export async function answer(client: Client, query: string, variables?: Record<string, unknown>): Promise<Received> {
  const received = send(client, query, variables);
  await waitUntil(
    () => received.results.length > 0 || received.errors !== undefined || received.closeCode !== undefined,
    5000,
    'la réponse',
  );
  return received;
}

/** The codes of what an operation was refused with (the `error` message, or the errors of its first result). */
export const codes = (r: Received): unknown[] => (r.errors ?? r.results[0]?.errors ?? []).map((e) => e.extensions?.code);

export type LiveResult = FormattedExecutionResult<Data, unknown>;

/** A subscription as `caller` (its token in connectionParams), recording every result, once its socket is acknowledged. */
export async function subscribeAs(t: TestServer, caller: TestCaller, query: string): Promise<{ client: Client; events: LiveResult[] }> {
  const client = createClient({
    url: t.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: caller ? { authorization: (await authHeaders(caller)).authorization } : {},
    retryAttempts: 0,
    lazy: true,
  });
  const events: LiveResult[] = [];
  let ready!: () => void;
  const connected = new Promise<void>((resolve) => (ready = resolve));
  client.on('connected', () => ready());
  client.subscribe<Data>(
    { query },
    {
      next: (result) => events.push(result),
      error: (error: unknown) => events.push({ errors: [{ message: String(error) }] }),
      complete: () => undefined,
    },
  );
  await connected;
  return { client, events };
}

/** The rencontre of the first event about `rencontreId` (of `type`, when given), waiting for it up to 5 s. */
export async function eventRencontre(
  events: readonly LiveResult[],
  rencontreId: string,
  type?: string,
): Promise<Rencontre | null | undefined> {
  const found = (e: LiveResult) =>
    e.data?.rencontresEnDirect.rencontre?.id === rencontreId && (!type || e.data.rencontresEnDirect.type === type);
  for (let i = 0; i < 100 && !events.some(found); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  return events.find(found)?.data?.rencontresEnDirect.rencontre;
}
