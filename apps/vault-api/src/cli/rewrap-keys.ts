import { vaultConfigFromEnvironment } from '../config/from-environment';
import { rewrapDataKeys } from '../encryption/rewrap-data-keys';
import { parseCliArguments } from './cli-arguments';
import { runCli } from './run-cli';

/** Finishes a master key rotation; prints how many data keys each master key wraps afterwards. */
runCli({
  usage: `usage: npm run keys:rewrap
  with VAULT_MASTER_KEY (or VAULT_MASTER_KEY_FILE) set to the new master key and VAULT_PREVIOUS_MASTER_KEYS to the old`,
  parse: (argv) => parseCliArguments(argv, { operands: { min: 0, max: 0 } }),
  failure: 're-wrapping failed',
  run: async () => {
    const report = await rewrapDataKeys(vaultConfigFromEnvironment().encryption);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  },
});
