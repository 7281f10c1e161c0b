import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type FormattedExecutionResult,
  GraphQLError,
  type GraphQLFormattedError,
  getOperationAST,
  OperationTypeNode,
  parse,
} from 'graphql';
import { ErrorCode } from '../error-codes';
import type { SubscribePayload } from '../operation-gate';
import { resumeAfter } from '../resume-operation';
import { watchTokenExpiry } from '../token-expiry';
import { EventStreamWriter } from './event-stream-writer';
import { logOf } from '@federess/observability';
import { describeInternalError } from '../internal-error-log';

/** One result to stream, with the id of the live-feed event it stands for (its SSE `id:`). */
export interface StreamedEvent {
  readonly result: FormattedExecutionResult;
  readonly id?: string;
}

/** A subscription a service accepted: its results, and when the caller's token expires (null: never). */
export interface OpenedStream {
  readonly events: AsyncIterator<StreamedEvent>;
  readonly expiresAt: number | null;
  /**
   * The id of the last event before the stream's first one, when known: sent at once as the SSE
   * `id:`, so that a client cut before its first event still resumes from where it started.
   */
  readonly startsAfter?: string;
}

/** A subscription a service refused before streaming: answered as JSON with this status. */
export interface StreamRefusal {
  readonly status: number;
  readonly errors: readonly GraphQLFormattedError[];
}

export interface EventStreamOptions {
  /**
   * Checks and starts one subscription, as the service's graphql-ws server does (the same
   * authentication, limits and execution): the request's `Authorization` header is the token.
   */
  readonly open: (req: IncomingMessage, payload: SubscribePayload) => Promise<OpenedStream | StreamRefusal>;
  /** Keep-alive comment interval in ms (default 12000, as graphql-ws pings). */
  readonly keepAliveMs?: number;
  /** The reconnection delay told to EventSource, in ms (default 1000). */
  readonly retryMs?: number;
}

/** What a stream whose token expired ends with: reconnect with a fresh token, resuming from the last id. */
const EXPIRED: FormattedExecutionResult = {
  errors: [
    {
      message: 'Jeton expiré : reprenez le flux avec un jeton valide (Last-Event-ID ou apres : le dernier id reçu).',
      extensions: { code: ErrorCode.UNAUTHENTICATED },
    },
  ],
};

/**
 * A `Last-Event-ID` is the id of the last event the client received: the subscription resumes
 * exactly as with `apres` set to it (the root field's `apres` becomes that id). Anything else than a
 * subscription document is left as it is, for the service's checks to refuse.
 */
export function withResumePoint(payload: SubscribePayload, lastEventId: string | undefined): SubscribePayload {
  if (!lastEventId || typeof payload.query !== 'string') return payload;
  try {
    if (getOperationAST(parse(payload.query), payload.operationName ?? undefined)?.operation !== OperationTypeNode.SUBSCRIPTION)
      return payload;
  } catch {
    return payload;
  }
  return { ...payload, query: resumeAfter(payload.query, lastEventId) };
}

/**
 * GraphQL subscriptions over Server-Sent Events on `/graphql` (the graphql-sse protocol,
 * distinct-connections mode: one subscription per request, GET or POST). What the service
 * `open`s is streamed as `next` messages with the event's id, then `complete`; a reconnect with
 * `Last-Event-ID` resumes after it. At shutdown streams end without `complete`, so that clients
 * reconnect elsewhere and resume; a token that expires ends its stream with UNAUTHENTICATED.
 */
export class EventStreamEndpoint {
  private readonly streams = new Set<{ readonly writer: EventStreamWriter; readonly events: AsyncIterator<StreamedEvent> }>();
  private closed = false;

  constructor(private readonly options: EventStreamOptions) {}

  /** Open streams now. */
  get size(): number {
    return this.streams.size;
  }

  async serve(req: IncomingMessage, res: ServerResponse, payload: SubscribePayload): Promise<void> {
    const lastEventId = req.headers['last-event-id'];
    const opened = await this.options.open(req, withResumePoint(payload, typeof lastEventId === 'string' ? lastEventId.trim() : undefined));
    if ('errors' in opened) {
      const text = JSON.stringify({ errors: opened.errors });
      res.writeHead(opened.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
      res.end(text);
      return;
    }
    const { events } = opened;
    if (this.closed || res.destroyed) {
      await events.return?.();
      return;
    }
    const writer = new EventStreamWriter(res, {
      keepAliveMs: this.options.keepAliveMs ?? 12_000,
      retryMs: this.options.retryMs ?? 1000,
      startsAfter: opened.startsAfter,
    });
    const stream = { writer, events };
    this.streams.add(stream);
    const stop = () => void events.return?.();
    res.once('close', stop);
    const cancelExpiry = watchTokenExpiry(opened.expiresAt, () => {
      if (!writer.open) return;
      void writer.next(EXPIRED, undefined);
      writer.complete();
      stop();
    });
    try {
      for (;;) {
        const step: IteratorResult<StreamedEvent, unknown> = await events.next();
        if (step.done || !writer.open) break;
        await writer.next(step.value.result, step.value.id);
      }
      // The feed itself ended (an error it reported, EVENTS_EXPIRED, SLOW_CONSUMER…): it is over.
      if (writer.open) writer.complete();
    } catch (error) {
      // A feed that fails with a client error of its own (EVENTS_EXPIRED mid-replay, …) says so;
      // anything else is a fault of the hub, logged, its details kept here.
      const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
      if (!code || code === ErrorCode.INTERNAL_SERVER_ERROR)
        logOf('event-stream').error('event stream failed', { error: describeInternalError(error, 'production') });
      const reported =
        code && code !== ErrorCode.INTERNAL_SERVER_ERROR
          ? streamRefusal([error as GraphQLError]).errors
          : [{ message: 'Erreur interne du serveur.', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }];
      if (writer.open) {
        await writer.next({ errors: reported }, undefined);
        writer.complete();
      }
    } finally {
      cancelExpiry();
      this.streams.delete(stream);
    }
  }

  /** Ends every stream without `complete` (see the class comment) and accepts no more. */
  close(): void {
    this.closed = true;
    for (const { writer, events } of this.streams) {
      writer.end();
      void events.return?.();
    }
    this.streams.clear();
  }
}

/**
 * A refusal from GraphQL errors (a bad token, a failed check): the status the first one asks for
 * (`extensions.http.status`, as over HTTP), else 400; Apollo's `http` extension does not leave.
 */
export function streamRefusal(errors: readonly GraphQLError[]): StreamRefusal {
  const http = errors[0]?.extensions?.http as { status?: number } | undefined;
  return {
    status: http?.status ?? 400,
    errors: errors.map((error) => {
      const { http: _http, ...extensions } = error.extensions ?? {};
      return { ...error.toJSON(), extensions };
    }),
  };
}

/** What the event stream serves: subscriptions; a query or mutation goes as a plain HTTP request. */
export const ONLY_SUBSCRIPTIONS = new GraphQLError(
  'En Server-Sent Events, /graphql sert les abonnements (subscription) ; envoyez requêtes et mutations en POST JSON (ou les requêtes en GET).',
  { extensions: { code: ErrorCode.BAD_REQUEST } },
);
