import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { EventStoreUnavailableError } from '../event-store.errors';
import type { EventStore } from '../event-store.port';
import { anEvent } from '../testing';
import { createEsdbEventStore } from './esdb-event-store';

const DEADLINE_MS = 500;
/** Generous for a loaded machine, yet far below the minutes the client alone can wait. */
const MARGIN_MS = 1_500;

interface Peer {
  readonly url: string;
  close(): Promise<void>;
}

/** A TCP server on 127.0.0.1 that treats each connection with `onConnection`. */
async function listen(onConnection: (socket: Socket) => void): Promise<Peer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `esdb://127.0.0.1:${port}?tls=false`,
    close: async () => {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const silentPeer = (): Promise<Peer> => listen(() => undefined);

const hangingUpPeer = (): Promise<Peer> => listen((socket) => socket.destroy());

/** A port that was free a moment ago: connecting to it is refused. */
async function refusingPeer(): Promise<Peer> {
  const peer = await listen(() => undefined);
  await peer.close();
  return { url: peer.url, close: async () => undefined };
}

type Operation = (store: EventStore) => Promise<unknown>;

const operations: [string, Operation][] = [
  ['append', (store) => store.append(`deadline-${randomUUID()}`, [anEvent()], 'no_stream')],
  ['readStream', (store) => store.readStream(`deadline-${randomUUID()}`)],
  ['readAll', (store) => store.readAll({ after: 0, limit: 10 })],
  ['headPosition', (store) => store.headPosition()],
  [
    'subscribe',
    (store) =>
      store.subscribe({ after: 0 }, async () => {
        throw new Error('nothing can be delivered');
      }).done,
  ],
];

async function outcome(operation: Operation, url: string): Promise<{ error: unknown; elapsedMs: number }> {
  const store = createEsdbEventStore(url, { deadlineMs: DEADLINE_MS });
  const started = performance.now();
  try {
    const error = await operation(store).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    return { error, elapsedMs: performance.now() - started };
  } finally {
    await store.close();
  }
}

describe('EventStoreDB adapter against a peer that does not speak gRPC', () => {
  describe.each<[string, () => Promise<Peer>]>([
    ['accepts the connection and never answers', silentPeer],
    ['accepts the connection and closes it at once', hangingUpPeer],
    ['refuses the connection', refusingPeer],
  ])('a peer that %s', (_, start) => {
    let peer: Peer;

    beforeEach(async () => {
      peer = await start();
    });

    afterEach(async () => {
      await peer.close();
    });

    it.each(operations)('fails %s as unavailable within the deadline', async (_name, operation) => {
      const { error, elapsedMs } = await outcome(operation, peer.url);

      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect(error).toMatchObject({ code: 'EVENT_STORE.UNAVAILABLE' });
      expect(elapsedMs).toBeLessThan(DEADLINE_MS + MARGIN_MS);
    });
  });

  it('waits for the deadline, not less, when the peer stays silent', async () => {
    const peer = await silentPeer();
    try {
      const { error, elapsedMs } = await outcome((store) => store.readStream(`deadline-${randomUUID()}`), peer.url);

      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect((error as Error).message).toContain(`within ${DEADLINE_MS} ms`);
      expect(elapsedMs).toBeGreaterThanOrEqual(DEADLINE_MS - 5);
    } finally {
      await peer.close();
    }
  });
});
