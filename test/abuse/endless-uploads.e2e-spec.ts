import { mintDevToken } from '@kluis/auth';
import { eventually } from '@kluis/event-store/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuiltVault, startBuiltVault } from '../support/built-vault';
import { filesIn } from '../support/data-folder';
import { aPdf } from '../support/files';
import { chunked, multipartUpload, piecesOf, type RawAnswer, sendRaw } from './support/raw-connection';

const MIB = 1024 * 1024;
const MAX_UPLOAD_BYTES = 1 * MIB;
const STALL_MS = 1500;
/** Every refusal below must come well within this; a hang does not. */
const ANSWER_WITHIN_MS = 8000;

/** Refused types as phones and scanners produce them, each past the 64 KiB that once made a refusal hang. */
const bmp = () => Buffer.concat([Buffer.from('BM'), randomBytes(200 * 1024)]);
const webp = () => Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0x20, 3, 0]), Buffer.from('WEBPVP8 '), randomBytes(200 * 1024)]);
const heic = () => Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), randomBytes(200 * 1024)]);
const bigPdf = () => Buffer.concat([aPdf(), Buffer.from(randomBytes(100 * 1024).toString('hex'))]);

/** Endless bytes in pieces, as a client with no Content-Length sends them. */
function* endless(piece: Buffer, upTo: number): Generator<Buffer> {
  for (let sent = 0; sent < upTo; sent += piece.length) yield piece;
}

/**
 * Uploads that once got no answer at all: a refused type past 64 KiB, a body with no Content-Length and no end, a
 * text field with no end, a trickle. Each gets its answer within a bounded time, and leaves no blob and no temp file.
 */
describe('an upload that would never end', () => {
  let dataDir: string;
  let vault: BuiltVault;
  let customerId: string;
  let token: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kluis-endless-'));
    vault = await startBuiltVault({ VAULT_DATA_DIR: dataDir, VAULT_MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES), VAULT_UPLOAD_STALL_MS: String(STALL_MS) });
    customerId = `C-${randomUUID()}`;
    token = await mintDevToken(dataDir, { sub: customerId, roles: ['customer'] });
  });
  afterAll(async () => {
    await vault?.crash();
    await rm(dataDir, { recursive: true, force: true });
  });

  const post = (headers: Record<string, string | number>, body: Iterable<Buffer> | AsyncIterable<Buffer>, options: { pauseMs?: number; timeoutMs?: number } = {}): Promise<RawAnswer> =>
    sendRaw(vault.url, { path: `/v1/customers/${customerId}/documents`, headers: { Authorization: `Bearer ${token}`, ...headers }, body, timeoutMs: 20_000, ...options });

  const upload = (file: Buffer, contentType?: string) => {
    const body = multipartUpload(file, { type: 'passport' }, { contentType });
    return post({ 'Content-Type': body.contentType, 'Content-Length': body.bytes.length }, piecesOf(body.bytes, 16 * 1024));
  };

  async function expectRefused(send: () => Promise<RawAnswer>, status: number, field: string): Promise<RawAnswer> {
    const before = await filesIn(dataDir);
    const answer = await send();
    expect({ status: answer.status, type: answer.headers['content-type'] }).toEqual({ status, type: expect.stringMatching(/^application\/problem\+json/) });
    expect(JSON.parse(answer.text).errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(answer.elapsedMs).toBeLessThan(ANSWER_WITHIN_MS);
    expect(await filesIn(dataDir)).toEqual(before);
    return answer;
  }

  it.each([
    ['a BMP', bmp, undefined],
    ['a WebP', webp, undefined],
    ['a HEIC photo', heic, undefined],
    ['a PDF sent as image/png', bigPdf, 'image/png'],
  ])('answers %s of 200 KiB with 415 at once', async (_name, file, contentType) => {
    await expectRefused(() => upload(file(), contentType ?? 'application/octet-stream'), 415, 'file');
  });

  it('answers a file over the limit with a Content-Length with 413, before reading it', async () => {
    await expectRefused(() => upload(Buffer.concat([aPdf(), Buffer.alloc(MAX_UPLOAD_BYTES)])), 413, 'file');
  });

  it('answers a chunked file past the limit with 413 as soon as the limit is passed, and closes the connection', async () => {
    const head = multipartUpload(Buffer.alloc(0));
    const start = head.bytes.subarray(0, head.closingAt);
    const answer = await expectRefused(
      () => post({ 'Content-Type': head.contentType, 'Transfer-Encoding': 'chunked' }, chunked((function* () {
        yield Buffer.concat([start, aPdf()]);
        yield* endless(Buffer.alloc(64 * 1024, 0x30), 256 * MIB);
      })())),
      413,
      'file',
    );
    expect(answer.closed).toBe(true);
    expect(answer.sent).toBeLessThan(32 * MIB);
  });

  it('answers a chunked text field with no end with 413, and closes the connection', async () => {
    const boundary = `kluis-${randomUUID()}`;
    const answer = await expectRefused(
      () => post({ 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Transfer-Encoding': 'chunked' }, chunked((function* () {
        yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="type"\r\n\r\n`);
        yield* endless(Buffer.alloc(64 * 1024, 0x61), 256 * MIB);
      })())),
      413,
      'file',
    );
    expect(answer.closed).toBe(true);
    expect(answer.sent).toBeLessThan(32 * MIB);
  });

  it('stops a body that trickles in a byte at a time with 408, and closes the connection', async () => {
    const body = multipartUpload(aPdf());
    const answer = await expectRefused(() => post({ 'Content-Type': body.contentType, 'Content-Length': body.bytes.length }, piecesOf(body.bytes, 1), { pauseMs: 400 }), 408, 'file');
    expect(answer.closed).toBe(true);
    expect(answer.elapsedMs).toBeGreaterThanOrEqual(STALL_MS);
  });

  it('answers a body cut off inside the file with 400', async () => {
    const body = multipartUpload(bigPdf());
    const cut = body.bytes.subarray(0, body.closingAt - 1000);
    await expectRefused(() => post({ 'Content-Type': body.contentType, 'Content-Length': cut.length }, piecesOf(cut, 16 * 1024)), 400, 'file');
  });

  it('leaves nothing behind when the client goes away in the middle of the file', async () => {
    const before = await filesIn(dataDir);
    const body = multipartUpload(bigPdf());
    const answer = await post({ 'Content-Type': body.contentType, 'Content-Length': body.bytes.length + 1 }, piecesOf(body.bytes.subarray(0, body.closingAt - 1000), 16 * 1024), { timeoutMs: STALL_MS / 3 });
    expect(answer.status).toBe(0);
    // The cut-off upload cleans up after the connection is gone; wait for that, with a bound.
    await eventually(async () => JSON.stringify(await filesIn(dataDir)) === JSON.stringify(before), { until: 'the cut-off upload has left nothing behind', timeoutMs: 10_000 });
    expect(await filesIn(dataDir)).toEqual(before);
  }, 30_000);
});
