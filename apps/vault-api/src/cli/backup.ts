import { backupVault } from '../backup/backup-vault';
import { loadVaultConfig } from '../config/vault-config';

const USAGE = 'usage: npm run backup -- <empty or new folder>   (backs up the vault of VAULT_DATA_DIR, running or not)';

/** Backs up the embedded vault while it runs, and prints the manifest. */
async function main(): Promise<number> {
  const [target, ...rest] = process.argv.slice(2);
  if (!target || rest.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const started = Date.now();
  const manifest = await backupVault(loadVaultConfig(process.env), target);
  process.stdout.write(`${JSON.stringify({ ...manifest, folder: target, tookMs: Date.now() - started }, null, 2)}\n`);
  // A blob that no longer matches its hash is a lost document: the backup is kept, but a scheduler must hear of it.
  return manifest.blobs.corrupt.length > 0 ? 3 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`backup failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
