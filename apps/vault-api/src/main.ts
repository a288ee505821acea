import 'reflect-metadata';
import { keepNewFilesPrivate } from './config/private-files';
import { ConfigError } from './config/config-error';
import { loadVaultConfig } from './config/vault-config';
import { createVaultApp } from './create-vault-app';

async function main(): Promise<void> {
  keepNewFilesPrivate();
  const config = loadVaultConfig(process.env);
  const app = await createVaultApp(config);
  await app.listen(config.port);
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || (error instanceof Error && error.name.endsWith('ConfigError'));
  process.stderr.write(`Kluis could not start: ${known ? (error as Error).message : String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
