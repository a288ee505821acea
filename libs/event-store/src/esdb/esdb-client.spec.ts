import { connectEsdb } from './esdb-client';

describe('connection strings', () => {
  it.each([
    'esdb://localhost:2113?tls=false',
    'esdb://localhost?tls=false',
    'esdb://admin:changeit@esdb-1:2113?tlsVerifyCert=true&defaultDeadline=5000',
    'esdb://esdb-1:2113,esdb-2:2113,esdb-3:2113?nodePreference=leader',
    'esdb+discover://admin:changeit@cluster.example:2113',
    'kurrentdb://localhost:2113?tls=false',
    'kurrentdb+discover://cluster.example:2113',
  ])('accepts %s without connecting', async (url) => {
    const client = connectEsdb(url);

    expect(typeof client.appendToStream).toBe('function');
    await client.dispose();
  });

  it.each(['postgres://localhost/kluis', 'esdb:/localhost', 'esdb://localhost:port', 'localhost:2113'])(
    'refuses %s',
    (url) => {
      expect(() => connectEsdb(url)).toThrow();
    },
  );
});
