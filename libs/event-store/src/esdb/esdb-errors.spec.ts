import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../event-store.errors';
import {
  DeadlineExceededError,
  NotLeaderError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from './esdb-client';
import { toPortError, toWrongExpectedRevision } from './esdb-errors';

/** What @grpc/grpc-js rejects with: a plain Error carrying the status code. */
const aGrpcError = (code: number, details: string): Error =>
  Object.assign(new Error(`${code} ${details}`), { code, details });

const notLeader = (): NotLeaderError =>
  new NotLeaderError({
    code: 5,
    details: 'Leader info available',
    message: 'not leader',
    metadata: { getMap: () => ({ 'leader-endpoint-host': '10.0.0.2', 'leader-endpoint-port': '2113' }) },
  } as unknown as ConstructorParameters<typeof NotLeaderError>[0]);

describe('client errors', () => {
  it.each<[string, () => unknown]>([
    ['a refused connection (plain gRPC error, code 14)', () => aGrpcError(14, 'UNAVAILABLE: No connection')],
    ['an exceeded gRPC deadline (code 4)', () => aGrpcError(4, 'DEADLINE_EXCEEDED: Deadline exceeded')],
    ['UnavailableError', () => new UnavailableError()],
    ['DeadlineExceededError', () => new DeadlineExceededError()],
    ['TimeoutError', () => new TimeoutError()],
    ['NotLeaderError', notLeader],
    ['a failed cluster discovery', () => new Error('Failed to discover after 10 attempts.')],
  ])('maps %s to EventStoreUnavailableError, keeping the cause', (_, make) => {
    const cause = make();

    const mapped = toPortError(cause, 'append to document-1');

    expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
    expect(mapped).toMatchObject({ code: 'EVENT_STORE.UNAVAILABLE', cause });
    expect((mapped as Error).message).toContain('append to document-1');
  });

  it.each<[string, unknown]>([
    ['a stream not found', new StreamNotFoundError(undefined, 'document-1')],
    ['a permission error (gRPC code 7)', aGrpcError(7, 'PERMISSION_DENIED')],
    ['a plain error', new Error('boom')],
    ['a non-error', 'boom'],
  ])('passes %s through unchanged', (_, error) => {
    expect(toPortError(error, 'read')).toBe(error);
  });

  it('leaves the port errors as they are', () => {
    const unavailable = new EventStoreUnavailableError('down');
    const conflict = new WrongExpectedRevisionError('s', 0, 1);

    expect(toPortError(unavailable, 'read')).toBe(unavailable);
    expect(toPortError(conflict, 'append')).toBe(conflict);
  });
});

describe('wrong expected version', () => {
  const conflict = (expected: bigint | 'no_stream' | 'any', current: bigint | 'no_stream') =>
    new WrongExpectedVersionError(undefined, { streamName: 'document-1', expected, current });

  it.each<[bigint | 'no_stream', bigint | 'no_stream', number | 'no_stream', number | 'no_stream']>([
    [0n, 1n, 0, 1],
    [3n, 0n, 3, 0],
    ['no_stream', 0n, 'no_stream', 0],
    [0n, 'no_stream', 0, 'no_stream'],
  ])('maps expected %p and actual %p to %p and %p', (expected, current, portExpected, portActual) => {
    const mapped = toWrongExpectedRevision(conflict(expected, current), 'document-1', portExpected);

    expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
    expect(mapped).toMatchObject({
      stream: 'document-1',
      expected: portExpected,
      actual: portActual,
      code: 'EVENT_STORE.WRONG_EXPECTED_REVISION',
    });
  });

  it('falls back to the requested revision if the client reports one the adapter never sends', () => {
    expect(toWrongExpectedRevision(conflict('any', 5n), 'document-1', 4)).toMatchObject({ expected: 4, actual: 5 });
  });
});
