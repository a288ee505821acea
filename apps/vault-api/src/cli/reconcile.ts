import { vaultConfigFromEnvironment } from '../config/from-environment';
import { openKeyVault } from '../encryption/open-key-vault';
import { openBlobStore, openEventStore } from '../infrastructure/open-backends';
import { reconcileBlobs } from '../reconciliation/reconcile-blobs';
import { foundDataLoss } from '../reconciliation/reconciliation-report';
import { loadReconciliationState, saveReconciliationState, stateAfter } from '../reconciliation/reconciliation-state';
import { DocumentContentStore } from '../encryption/document-content-store';
import { type CliArguments, parseCliArguments } from './cli-arguments';
import { runCli } from './run-cli';

const USAGE = `usage: npm run reconcile -- [--deep] [--dry-run]
  --deep     decrypt and hash every blob instead of comparing the store's record of its size
  --dry-run  report only; delete no orphan, even past VAULT_RECONCILE_ORPHAN_GRACE_MS
exit code: 0 nothing lost, 3 a blob is missing or does not match its hash, 1 the run failed`;

/** Exit code when the run found a lost document, so a scheduler can alert on it. */
const DATA_LOSS = 3;

/** Compares the blob store with the registry, deletes orphans past their grace period, and prints what it found. */
async function reconcile({ flags }: CliArguments): Promise<number> {
  const config = vaultConfigFromEnvironment();
  const { reconciliation } = config;
  const store = await openEventStore(config.storage.eventStore);
  const keys = await openKeyVault(config.encryption).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  try {
    const blobs = await openBlobStore(config.storage.blobStore, config.storage.s3);
    const previous = await loadReconciliationState(config.storage.dataDir);
    const report = await reconcileBlobs(store, blobs, {
      now: () => new Date(),
      contents: new DocumentContentStore(blobs, keys),
      deep: flags.has('--deep'),
      repair: !flags.has('--dry-run'),
      orphanGraceMs: reconciliation.orphanGraceMs,
      orphansFirstSeen: previous.orphansFirstSeen,
    });
    const state = stateAfter(report);
    await saveReconciliationState(config.storage.dataDir, state);
    process.stdout.write(`${JSON.stringify(state.last, null, 2)}\n`);
    return foundDataLoss(report) ? DATA_LOSS : 0;
  } finally {
    await store.close();
    await keys.close();
  }
}

runCli({
  usage: USAGE,
  parse: (argv) => parseCliArguments(argv, { flags: ['--deep', '--dry-run'], operands: { min: 0, max: 0 } }),
  failure: 'reconciliation failed',
  run: reconcile,
});
