import { vaultConfigFromEnvironment } from '../config/from-environment';
import { restoreVault } from '../backup/restore-vault';
import { parseCliArguments } from './cli-arguments';
import { runCli } from './run-cli';

/** Restores a backup into a fresh data directory; start the vault on it afterwards. */
runCli({
  usage: 'usage: npm run restore -- <backup folder>   (restores into VAULT_DATA_DIR, which must hold no vault yet)',
  parse: (argv) => parseCliArguments(argv, { operands: { min: 1, max: 1, name: 'backup folder' } }).operands[0] ?? '',
  failure: 'restore failed',
  run: async (source) => {
    const config = vaultConfigFromEnvironment();
    const manifest = await restoreVault(config, source);
    process.stdout.write(`${JSON.stringify({ restoredFrom: source, into: config.storage.dataDir, ...manifest }, null, 2)}\n`);
    return 0;
  },
});
