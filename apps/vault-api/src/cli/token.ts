import { mintDevToken, parseTokenCliArgs, TOKEN_CLI_USAGE, TokenCliUsageError, type DevTokenOptions } from '@kluis/auth';
import { vaultConfigFromEnvironment } from '../config/from-environment';
import { CliUsageError } from './cli-arguments';
import { holdsProductionData } from './production-data-folder';
import { runCli } from './run-cli';

/** The arguments alone, before any configuration is read; a lifetime past the default maximum is a usage error. */
function tokenOptions(argv: readonly string[]): DevTokenOptions {
  try {
    return parseTokenCliArgs([...argv]);
  } catch (error) {
    if (error instanceof TokenCliUsageError) throw new CliUsageError(error.message);
    throw error;
  }
}

/** Prints a dev-mode token, alone on the last line, signed with the key in VAULT_DATA_DIR. */
runCli({
  usage: TOKEN_CLI_USAGE,
  parse: tokenOptions,
  failure: 'no token',
  run: async (options) => {
    const config = vaultConfigFromEnvironment();
    if (config.auth.mode !== 'dev') throw new Error('Tokens can only be minted in dev mode; production tokens come from the OIDC provider.');
    if (await holdsProductionData(config)) {
      throw new Error('VAULT_DATA_DIR holds a vault\'s data but no dev key, as a vault in production leaves it; no dev signing key is written there');
    }
    // The configured maximum, so the CLI never mints a token the vault's own verifier would refuse.
    const token = await mintDevToken(config.storage.dataDir, options, config.auth.tokens?.maxLifetimeSeconds);
    process.stdout.write(`${token}\n`);
    return 0;
  },
});
