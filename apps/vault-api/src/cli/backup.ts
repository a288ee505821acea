import { backupVault } from '../backup/backup-vault';
import { vaultConfigFromEnvironment } from '../config/from-environment';
import { parseCliArguments } from './cli-arguments';
import { runCli } from './run-cli';

/** Backs up the embedded vault while it runs, and prints the manifest. */
runCli({
  usage: 'usage: npm run backup -- <empty or new folder>   (backs up the vault of VAULT_DATA_DIR, running or not)',
  parse: (argv) => parseCliArguments(argv, { operands: { min: 1, max: 1, name: 'backup folder' } }).operands[0] ?? '',
  failure: 'backup failed',
  run: async (target) => {
    const started = Date.now();
    const manifest = await backupVault(vaultConfigFromEnvironment(), target);
    process.stdout.write(`${JSON.stringify({ ...manifest, folder: target, tookMs: Date.now() - started }, null, 2)}\n`);
    // A blob that no longer matches its hash is a lost document: the backup is kept, but a scheduler must hear of it.
    return manifest.blobs.corrupt.length > 0 ? 3 : 0;
  },
});
