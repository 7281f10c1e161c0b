import { ResumeError, SlowConsumerError } from '@federess/events';
import { badInput, ClientError, ErrorCode } from '@federess/server-kit';

/**
 * A fault of the outbox (a live feed or a delta sync that cannot resume where it was asked to, a
 * subscriber too slow) as a client error with its stable code; anything else unchanged.
 */
export function outboxClientError(error: unknown): unknown {
  if (error instanceof ResumeError)
    return error.reason === 'EXPIRED' ? new ClientError(ErrorCode.EVENTS_EXPIRED, error.message) : badInput(error.message);
  if (error instanceof SlowConsumerError) return new ClientError(ErrorCode.SLOW_CONSUMER, error.message, { maxPending: error.maxPending });
  return error;
}
