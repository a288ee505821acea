import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { removeDataDir, startVault, type VaultUnderTest } from '../support/vault-harness';

const MIB = 1024 * 1024;
const FILE_BYTES = 200 * MIB;

/** A multipart body around a generated PDF of `size` bytes, produced chunk by chunk and never held whole. */
function multipartBody(boundary: string, size: number): { stream: Readable; length: number } {
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="type"\r\n\r\npassport\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(256 * 1024, 0x41);
  chunk.write('%PDF-1.7\n');
  const filler = Buffer.alloc(256 * 1024, 0x42);
  function* parts() {
    yield head;
    let sent = 0;
    while (sent < size) {
      const next = sent === 0 ? chunk : filler;
      const take = Math.min(next.length, size - sent);
      yield take === next.length ? next : next.subarray(0, take);
      sent += take;
    }
    yield tail;
  }
  return { stream: Readable.from(parts(), { objectMode: false }), length: head.length + size + tail.length };
}

describe('a 200 MB upload', () => {
  let vault: VaultUnderTest;

  beforeAll(async () => {
    vault = await startVault({ VAULT_MAX_UPLOAD_BYTES: String(FILE_BYTES + MIB) });
    await vault.app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  it('streams to the blob store without memory growing with the file', async () => {
    const maria = await vault.customer();
    const { port } = vault.app.getHttpServer().address() as AddressInfo;
    const boundary = 'kluis-streaming-test';
    const body = multipartBody(boundary, FILE_BYTES);
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    try {
      const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const call = httpRequest(
          {
            port,
            host: '127.0.0.1',
            method: 'POST',
            path: `/v1/customers/${maria.id}/documents`,
            headers: {
              authorization: `Bearer ${maria.token}`,
              'content-type': `multipart/form-data; boundary=${boundary}`,
              'content-length': body.length,
            },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (part: Buffer) => chunks.push(part));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
          },
        );
        call.on('error', reject);
        body.stream.pipe(call);
      });
      expect(answer.status).toBe(201);
      expect(JSON.parse(answer.text)).toMatchObject({ file: { size: FILE_BYTES, mediaType: 'application/pdf' } });
    } finally {
      clearInterval(sampler);
    }
    // Buffering the file would add at least its 200 MB; streaming stays within a fraction of it.
    expect(peak - baseline).toBeLessThan(64 * MIB);
  }, 120_000);
});
