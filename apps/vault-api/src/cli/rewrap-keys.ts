import { loadVaultConfig } from '../config/vault-config';
import { rewrapDataKeys } from '../encryption/rewrap-data-keys';

const USAGE = `usage: npm run keys:rewrap
  with VAULT_MASTER_KEY (or VAULT_MASTER_KEY_FILE) set to the new master key and VAULT_PREVIOUS_MASTER_KEYS to the old`;

/** Finishes a master key rotation; prints how many data keys each master key wraps afterwards. */
async function main(): Promise<number> {
  if (process.argv.length > 2) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const report = await rewrapDataKeys(loadVaultConfig(process.env).encryption);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`re-wrapping failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
