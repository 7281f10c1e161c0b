import { type ExecutionResult, GraphQLError } from 'graphql';
import { ErrorCode } from '@federess/server-kit';

/**
 * The events waiting for one client, as an async iterator graphql-ws can consume. A client that falls
 * more than `limit` events behind is ended with an error rather than silently losing events: it can
 * resubscribe with `apres` and get them all from the outbox.
 */
export class EventQueue implements AsyncIterableIterator<ExecutionResult> {
  private readonly buffered: ExecutionResult[] = [];
  private waiting: ((result: IteratorResult<ExecutionResult>) => void) | undefined;
  private ended = false;

  constructor(
    private readonly limit: number,
    private readonly onReturn: () => void,
  ) {}

  push(result: ExecutionResult): void {
    if (this.ended) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: result, done: false });
      return;
    }
    if (this.buffered.length >= this.limit) {
      this.buffered.length = 0;
      this.buffered.push({
        errors: [
          new GraphQLError(`Client trop lent : plus de ${this.limit} événements en attente. Réabonnez-vous avec apres.`, {
            extensions: { code: ErrorCode.SLOW_CONSUMER },
          }),
        ],
      });
      this.end();
      return;
    }
    this.buffered.push(result);
  }

  /** Ends the stream once what is buffered has been read. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.waiting && this.buffered.length === 0) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: undefined, done: true });
    }
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    const value = this.buffered.shift();
    if (value) return Promise.resolve({ value, done: false });
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
    this.buffered.length = 0;
    this.end();
    this.onReturn();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
