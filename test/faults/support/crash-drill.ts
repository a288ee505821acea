import { mintDevToken } from '@kluis/auth';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { loadVaultConfig } from '../../../apps/vault-api/src/config/vault-config';
import { openBlobStore } from '../../../apps/vault-api/src/infrastructure/open-backends';
import type { ReconciliationSummary } from '../../../apps/vault-api/src/reconciliation/reconciliation-state';
import { type BuiltVault, runBuiltCli, startBuiltVault } from '../../support/built-vault';
import { aPdfOfSize, download, paceUpload, sha256, type UploadAnswer } from './uploads';

const UPLOADS = 100;
/** Acknowledged uploads before the crash: enough to check, with most of the rest still in flight. */
const KILL_AFTER = 30;

interface Attempt {
  readonly customerId: string;
  readonly token: string;
  readonly file: Buffer;
  answer?: UploadAnswer;
}

async function reconcile(env: NodeJS.ProcessEnv, args: string[] = []): Promise<ReconciliationSummary> {
  const run = await runBuiltCli('reconcile', args, env);
  if (run.code !== 0) throw new Error(`npm run reconcile exited ${run.code}: ${run.stderr}${run.stdout}`);
  return JSON.parse(run.stdout) as ReconciliationSummary;
}

/**
 * Fires 100 concurrent uploads at the built vault, kills it with SIGKILL once some have been acknowledged, and starts
 * it again on the same data: what it acknowledged must all be there, byte for byte, and no event may point at a
 * missing blob. Orphans (blobs whose event never got written) must be reported, and removed after their grace.
 */
export function describeCrashSafety(backends: () => Promise<NodeJS.ProcessEnv>): void {
  describe('a crash in the middle of 100 concurrent uploads', () => {
    let dataDir: string;
    let env: NodeJS.ProcessEnv;
    let vault: BuiltVault | null = null;

    beforeAll(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'kluis-crash-'));
      env = { VAULT_DATA_DIR: dataDir, VAULT_MAX_UPLOAD_BYTES: String(4 * 1024 * 1024), VAULT_RECONCILE_INTERVAL_MS: 'off', ...(await backends()) };
    });
    afterAll(async () => {
      await vault?.crash();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('loses nothing it acknowledged, points no event at a missing blob, and reports then removes the orphans', async () => {
      vault = await startBuiltVault(env);
      const attempts: Attempt[] = await Promise.all(
        Array.from({ length: UPLOADS }, async (_, index) => {
          const customerId = `C-${randomUUID()}`;
          const token = await mintDevToken(dataDir, { sub: customerId, roles: ['customer'] });
          return { customerId, token, file: aPdfOfSize(128 * 1024 + (index % 10) * 96 * 1024) };
        }),
      );
      const crashed = vault;
      let acknowledged = 0;
      let crash: Promise<void> | null = null;
      const settled = await Promise.allSettled(
        attempts.map(async (attempt, index) => {
          attempt.answer = await paceUpload(crashed.url, attempt.token, attempt.customerId, attempt.file, 4 + (index % 7) * 3);
          if (attempt.answer.status === 201 && (acknowledged += 1) === KILL_AFTER) crash = crashed.crash();
        }),
      );
      await (crash ?? crashed.crash());
      expect(await crashed.exited).toBe('SIGKILL');

      const answered = attempts.filter((attempt) => attempt.answer !== undefined);
      const stored = answered.filter((attempt) => attempt.answer!.status === 201);
      expect(answered.filter((attempt) => attempt.answer!.status !== 201).map((attempt) => attempt.answer)).toEqual([]);
      expect(stored.length).toBeGreaterThanOrEqual(KILL_AFTER);
      // The crash must have cut uploads off, or this proves nothing.
      expect(settled.filter((outcome) => outcome.status === 'rejected').length).toBeGreaterThan(0);

      const planted = await openBlobStore(loadVaultConfig(env).storage.blobStore, loadVaultConfig(env).storage.s3).then((blobs) =>
        blobs.put(`documents/${randomUUID()}`, Readable.from([aPdfOfSize(4096)])),
      );
      vault = await startBuiltVault(env);
      const restarted = vault;
      const readsBack = async () => {
        for (const attempt of stored) {
          const { status, bytes } = await download(restarted.url, attempt.token, attempt.answer!.body.id!);
          expect({ status, sha256: sha256(bytes) }).toEqual({ status: 200, sha256: sha256(attempt.file) });
        }
      };
      await readsBack();

      const found = await reconcile(env, ['--dry-run']);
      expect(found.counts).toMatchObject({ missing: 0, mismatches: 0 });
      expect(found.orphans.map((orphan) => orphan.key)).toContain(planted.key);
      expect(found.stored).toBe(found.registered + found.counts.orphans);
      expect(found.registered).toBeGreaterThanOrEqual(stored.length);

      const cleaned = await reconcile({ ...env, VAULT_RECONCILE_ORPHAN_GRACE_MS: '0' });
      expect(cleaned.counts).toMatchObject({ missing: 0, mismatches: 0, orphans: 0, deletedOrphans: found.counts.orphans });
      expect((await reconcile(env, ['--dry-run'])).counts).toMatchObject({ missing: 0, mismatches: 0, orphans: 0 });
      await readsBack();
      const health = await (await fetch(`${restarted.url}/health`)).json();
      expect(health).toMatchObject({ status: 'up', reconciliation: { status: 'clean', missingBlobs: 0 } });
    }, 120_000);
  });
}
