import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as net from 'node:net';
import { Readable } from 'node:stream';
import { BlobStoreUnavailableError } from '../blob-store.errors';
import { readAllBytes } from '../testing';
import type { S3BlobStoreConfig } from './s3-blob-store.config';
import { createS3BlobStore } from './s3-blob-store';
import { withDeadline } from './s3-deadlines';

const TIMEOUT_MS = 300;

const configFor = (port: number): S3BlobStoreConfig => ({
  endPoint: '127.0.0.1',
  port,
  useSSL: false,
  accessKey: 'test-access-key',
  secretKey: 'test-secret-key',
  region: 'us-east-1',
  bucket: 'kluis',
  stagingBucket: 'kluis',
  versioning: false,
  timeoutMs: TIMEOUT_MS,
});

describe('withDeadline', () => {
  it('fails a call that never settles with BlobStoreUnavailableError', async () => {
    const never = new Promise<never>(() => undefined);

    await expect(withDeadline('head', 20, () => never)).rejects.toBeInstanceOf(BlobStoreUnavailableError);
  });

  it('passes on the outcome of a call that settles in time', async () => {
    const failure = new Error('refused');

    await expect(withDeadline('head', 1000, async () => 'answer')).resolves.toBe('answer');
    await expect(withDeadline('head', 1000, async () => Promise.reject(failure))).rejects.toBe(failure);
  });
});

describe('S3 blob store without a working server', () => {
  const closers: (() => Promise<void>)[] = [];

  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });

  it('answers BlobStoreUnavailableError when nothing listens', async () => {
    const port = await freePort();
    const store = createS3BlobStore(configFor(port));

    await expect(store.head('customer-1/passport')).rejects.toBeInstanceOf(BlobStoreUnavailableError);
    await expect(store.ping()).rejects.toBeInstanceOf(BlobStoreUnavailableError);
  });

  it('gives up on a server that accepts connections but never answers', async () => {
    const port = await listen(net.createServer(() => undefined));
    const store = createS3BlobStore(configFor(port));
    const started = Date.now();

    await expect(store.head('customer-1/passport')).rejects.toBeInstanceOf(BlobStoreUnavailableError);
    await expect(store.put('customer-1/passport', Readable.from([Buffer.from('x')]))).rejects.toBeInstanceOf(
      BlobStoreUnavailableError,
    );
    expect(Date.now() - started).toBeLessThan(10 * TIMEOUT_MS);
  });

  it('fails a download whose body stalls half-way', async () => {
    const port = await listen(
      http.createServer((_request, response) => {
        response.writeHead(200, { 'content-length': 100, 'x-amz-meta-sha256': 'a'.repeat(64) });
        response.write(Buffer.alloc(10));
      }),
    );
    const store = createS3BlobStore(configFor(port));

    const download = await store.get('customer-1/passport');

    await expect(readAllBytes(download)).rejects.toBeInstanceOf(BlobStoreUnavailableError);
  });

  async function listen(server: net.Server): Promise<number> {
    const sockets = new Set<net.Socket>();
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(async () => {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => server.close(resolve));
    });
    return (server.address() as AddressInfo).port;
  }
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
