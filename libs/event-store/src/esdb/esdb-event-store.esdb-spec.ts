import { describeEventStoreContract } from '../testing';
import { createEsdbEventStore } from './esdb-event-store';

const connectionString = process.env.ESDB_CONNECTION_STRING;

if (connectionString) {
  describeEventStoreContract('EventStoreDB', async () => {
    const store = createEsdbEventStore(connectionString);
    return { store, teardown: () => store.close() };
  });
} else {
  describe('EventStore contract: EventStoreDB', () => {
    it('needs a server', () => {
      throw new Error(
        'ESDB_CONNECTION_STRING is not set. Start EventStoreDB 22.10 or later, for example\n' +
          '  docker run --rm -p 2113:2113 eventstore/eventstore:24.10 --insecure\n' +
          'then run\n' +
          "  ESDB_CONNECTION_STRING='esdb://localhost:2113?tls=false' npm run test:esdb\n" +
          '(a secure node: esdb://admin:changeit@host:2113?tlsCAFile=ca.crt; the user must be allowed to read $all)',
      );
    });
  });
}
