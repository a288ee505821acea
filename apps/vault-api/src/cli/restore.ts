import { loadVaultConfig } from '../config/vault-config';
import { restoreVault } from '../backup/restore-vault';

const USAGE = 'usage: npm run restore -- <backup folder>   (restores into VAULT_DATA_DIR, which must hold no vault yet)';

/** Restores a backup into a fresh data directory; start the vault on it afterwards. */
async function main(): Promise<number> {
  const [source, ...rest] = process.argv.slice(2);
  if (!source || rest.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadVaultConfig(process.env);
  const manifest = await restoreVault(config, source);
  process.stdout.write(`${JSON.stringify({ restoredFrom: source, into: config.dataDir, ...manifest }, null, 2)}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`restore failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
