import { mintDevToken, parseTokenCliArgs, TOKEN_CLI_USAGE, TokenCliUsageError } from '@kluis/auth';
import { loadVaultConfig } from '../config/vault-config';

/** Prints a dev-mode token, alone on the last line, signed with the key in VAULT_DATA_DIR. */
async function main(): Promise<void> {
  const config = loadVaultConfig(process.env);
  if (config.auth.mode !== 'dev') throw new Error('Tokens can only be minted in dev mode; production tokens come from the OIDC provider.');
  const maxLifetimeSeconds = config.auth.tokens?.maxLifetimeSeconds;
  const options = parseTokenCliArgs(process.argv.slice(2), maxLifetimeSeconds);
  const token = await mintDevToken(config.dataDir, options, maxLifetimeSeconds);
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof TokenCliUsageError) {
    process.stderr.write(`${error.message}\n${TOKEN_CLI_USAGE}\n`);
    process.exit(2);
  }
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
