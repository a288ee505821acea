import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../event-store.errors';
import type { ExpectedRevision } from '../event-store.port';
import {
  DeadlineExceededError,
  NotLeaderError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from './esdb-client';
import { fromCurrentRevision } from './esdb-mapping';

const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

/**
 * Whether the store could not be reached or did not answer: a refused connection surfaces as a plain gRPC error
 * (code 14) from the client's server-features probe, a lost leader as NotLeaderError, a failed cluster discovery
 * as a plain Error with only its message to go by.
 */
function isUnavailable(error: unknown): boolean {
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof NotLeaderError
  ) {
    return true;
  }
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED || error.message.startsWith('Failed to discover');
}

/** Maps the client's errors to the port's; anything else (access denied, bad arguments) is rethrown as it is. */
export function toPortError(error: unknown, operation: string): unknown {
  if (error instanceof EventStoreUnavailableError || error instanceof WrongExpectedRevisionError) return error;
  if (isUnavailable(error)) {
    const reason = error instanceof Error ? error.message : String(error);
    return new EventStoreUnavailableError(`EventStoreDB unavailable during ${operation}: ${reason}`, { cause: error });
  }
  return error;
}

/** The client reports `any`/`stream_exists` only for appends that asked for them, which this adapter never does. */
export function toWrongExpectedRevision(
  error: WrongExpectedVersionError,
  stream: string,
  requested: ExpectedRevision,
): WrongExpectedRevisionError {
  const expected =
    typeof error.expectedVersion === 'bigint' || error.expectedVersion === 'no_stream'
      ? fromCurrentRevision(error.expectedVersion)
      : requested;
  return new WrongExpectedRevisionError(stream, expected, fromCurrentRevision(error.actualVersion));
}
