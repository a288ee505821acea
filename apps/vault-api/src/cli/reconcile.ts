import { loadVaultConfig } from '../config/vault-config';
import { openKeyVault } from '../encryption/open-key-vault';
import { openBlobStore, openEventStore } from '../infrastructure/open-backends';
import { reconcileBlobs } from '../reconciliation/reconcile-blobs';
import { loadReconciliationConfig } from '../reconciliation/reconciliation-config';
import { foundDataLoss } from '../reconciliation/reconciliation-report';
import { loadReconciliationState, saveReconciliationState, stateAfter } from '../reconciliation/reconciliation-state';
import { DocumentContentStore } from '../shared/content/document-content-store';

const USAGE = `usage: npm run reconcile -- [--deep] [--dry-run]
  --deep     decrypt and hash every blob instead of comparing the store's record of its size
  --dry-run  report only; delete no orphan, even past VAULT_RECONCILE_ORPHAN_GRACE_MS
exit code: 0 nothing lost, 3 a blob is missing or does not match its hash, 1 the run failed`;

/** Exit code when the run found a lost document, so a scheduler can alert on it. */
const DATA_LOSS = 3;

/** Compares the blob store with the registry, deletes orphans past their grace period, and prints what it found. */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--deep' && arg !== '--dry-run');
  if (unknown.length > 0) {
    process.stderr.write(`unknown argument ${unknown[0]}\n${USAGE}\n`);
    return 2;
  }
  const config = loadVaultConfig(process.env);
  const reconciliation = loadReconciliationConfig(process.env);
  const store = await openEventStore(config.eventStore);
  const keys = await openKeyVault(config.encryption).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  try {
    const blobs = await openBlobStore(config.blobStore, config.s3);
    const previous = await loadReconciliationState(config.dataDir);
    const report = await reconcileBlobs(store, blobs, {
      now: () => new Date(),
      contents: new DocumentContentStore(blobs, keys),
      deep: args.includes('--deep'),
      repair: !args.includes('--dry-run'),
      orphanGraceMs: reconciliation.orphanGraceMs,
      orphansFirstSeen: previous.orphansFirstSeen,
    });
    const state = stateAfter(report);
    await saveReconciliationState(config.dataDir, state);
    process.stdout.write(`${JSON.stringify(state.last, null, 2)}\n`);
    return foundDataLoss(report) ? DATA_LOSS : 0;
  } finally {
    await store.close();
    await keys.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`reconciliation failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
