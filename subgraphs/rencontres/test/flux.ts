import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestServer } from './helpers';

/** What a graphql-ws operation received: results, the errors it ended with, or the close of its socket. */
export interface Reception {
  readonly results: any[];
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  closeCode?: number;
  completed: boolean;
}

export interface Connexion {
  readonly client: Client;
  /** The connection_ack's `dernierEvenementId`: subscribing after it misses nothing committed since. */
  readonly tete: string;
  /** Resolves with the close code of the socket. */
  readonly fermee: Promise<number>;
}

/** Opens a graphql-ws connection to the subgraph (no retry), once acknowledged. */
export async function connecter(t: TestServer, connectionParams: Record<string, unknown> = {}): Promise<Connexion> {
  let fermer!: (code: number) => void;
  const fermee = new Promise<number>((resolve) => (fermer = resolve));
  let tete!: (id: string) => void;
  const acquittee = new Promise<string>((resolve, reject) => {
    tete = resolve;
    fermee.then(
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
      connected: (_socket, payload) => tete(String((payload as { dernierEvenementId?: unknown } | undefined)?.dernierEvenementId)),
      closed: (event) => fermer((event as { code: number }).code),
    },
  });
  return { client, tete: await acquittee, fermee };
}

/** Sends one operation (query or subscription) and records what comes back. */
export function envoyer(client: Client, query: string, variables?: Record<string, unknown>): Reception {
  const reception: Reception = { results: [], completed: false };
  client.subscribe(
    { query, variables },
    {
      next: (result) => reception.results.push(result),
      error: (error) => {
        if (Array.isArray(error)) reception.errors = error;
        else reception.closeCode = (error as { code?: number }).code;
      },
      complete: () => {
        reception.completed = true;
      },
    },
  );
  return reception;
}

/** Waits until `condition` holds, or fails after `ms`. */
export async function attendre(condition: () => boolean, ms = 5000, quoi = 'la condition'): Promise<void> {
  const fin = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > fin) throw new Error(`${quoi} n'est pas arrivée en ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Sends an operation and waits for its answer: its first result, or the errors it was refused with. */
export async function reponse(client: Client, query: string, variables?: Record<string, unknown>): Promise<Reception> {
  const reception = envoyer(client, query, variables);
  await attendre(
    () => reception.results.length > 0 || reception.errors !== undefined || reception.closeCode !== undefined,
    5000,
    'la réponse',
  );
  return reception;
}

/** The codes of what an operation was refused with (the `error` message, or the errors of its first result). */
export const codes = (r: Reception): unknown[] =>
  (r.errors ?? r.results[0]?.errors ?? []).map((e: { extensions?: Record<string, unknown> }) => e.extensions?.code);
