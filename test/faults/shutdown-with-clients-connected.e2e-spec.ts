import { mintDevToken } from '@kluis/auth';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { multipartUpload, piecesOf, sendRaw } from '../abuse/support/raw-connection';
import { type BuiltVault, startBuiltVault } from '../support/built-vault';
import { filesIn } from '../support/data-folder';
import { aPdfOfSize } from './support/uploads';

const GRACE_MS = 2000;
/** What the vault allows itself after the grace period to close its stores. */
const CLOSE_BOUND_MS = 5000;

const pause = (ms: number) => new Promise((resume) => setTimeout(resume, ms).unref());
const blobsIn = async (dataDir: string) => (await filesIn(dataDir)).filter((path) => path.startsWith('blobs'));

/**
 * SIGTERM while clients are still connected: one upload stalled half-way, which would hold the vault open for ever,
 * and one that is still arriving but will finish. The vault stops taking connections at once, lets the finishing
 * upload through, closes the stalled one after its grace period, and exits within a bounded time, leaving only the
 * finished upload's blob behind.
 */
describe('stopping the vault while clients are connected', () => {
  let dataDir: string;
  let vault: BuiltVault | null = null;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kluis-shutdown-'));
  });
  afterAll(async () => {
    await vault?.crash();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('finishes within its grace period, lets a request in flight finish, and leaves nothing of the stalled one', async () => {
    vault = await startBuiltVault({ VAULT_DATA_DIR: dataDir, VAULT_SHUTDOWN_GRACE_MS: String(GRACE_MS), VAULT_UPLOAD_STALL_MS: '600000' });
    const running = vault;
    const customerId = `C-${randomUUID()}`;
    const token = await mintDevToken(dataDir, { sub: customerId, roles: ['customer'] });
    const blobsBefore = await blobsIn(dataDir);
    let signalled!: () => void;
    const signal = new Promise<void>((resolve) => {
      signalled = resolve;
    });
    const send = (body: ReturnType<typeof multipartUpload>, pieces: AsyncIterable<Buffer>) =>
      sendRaw(running.url, {
        path: `/v1/customers/${customerId}/documents`,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': body.contentType, 'Content-Length': body.bytes.length },
        body: pieces,
        timeoutMs: GRACE_MS + CLOSE_BOUND_MS + 5000,
      });

    const stalledBody = multipartUpload(aPdfOfSize(256 * 1024));
    const stalled = send(stalledBody, (async function* () {
      yield* piecesOf(stalledBody.bytes.subarray(0, 128 * 1024), 16 * 1024);
      await new Promise(() => undefined);
    })());
    const finishingBody = multipartUpload(aPdfOfSize(256 * 1024));
    const finishing = send(finishingBody, (async function* () {
      yield* piecesOf(finishingBody.bytes.subarray(0, 128 * 1024), 16 * 1024);
      await signal;
      await pause(GRACE_MS / 4);
      yield* piecesOf(finishingBody.bytes.subarray(128 * 1024), 16 * 1024);
    })());
    await pause(500);

    const stopping = Date.now();
    running.process.kill('SIGTERM');
    signalled();
    await pause(200);
    await expect(fetch(`${running.url}/health`)).rejects.toThrow();

    const exit = await Promise.race([running.exited, pause(GRACE_MS + CLOSE_BOUND_MS + 3000).then(() => 'still running')]);
    const took = Date.now() - stopping;
    expect(exit).toBe(0);
    expect(took).toBeLessThan(GRACE_MS + CLOSE_BOUND_MS);
    expect((await finishing).status).toBe(201);
    expect(await stalled).toMatchObject({ status: 0, closed: true });
    const blobsAfter = await blobsIn(dataDir);
    expect(blobsAfter.filter((path) => !blobsBefore.includes(path)).filter((path) => path.endsWith('.meta'))).toHaveLength(1);
    expect(blobsAfter.filter((path) => /tmp|temp/i.test(path))).toEqual([]);
  }, 30_000);
});
