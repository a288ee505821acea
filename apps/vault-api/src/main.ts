import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { keepNewFilesPrivate } from './config/private-files';
import { ConfigError } from './config/config-error';
import { vaultConfigFromEnvironment } from './config/from-environment';
import { createVaultApp } from './create-vault-app';
import { answerEscapedErrors } from './lifecycle/escaped-errors';
import { stopOnSignals } from './lifecycle/graceful-shutdown';
import { VaultMetrics } from './metrics/vault-metrics';

async function main(): Promise<void> {
  keepNewFilesPrivate();
  const config = vaultConfigFromEnvironment();
  const app = await createVaultApp(config);
  const logger = new Logger('Lifecycle');
  const log = { info: (context: object, message: string) => logger.log(context, message), error: (context: object, message: string) => logger.error(context, message) };
  const metrics = app.get(VaultMetrics);
  answerEscapedErrors(log, () => metrics.escapedErrors.inc());
  stopOnSignals(app, config.server.shutdownGraceMs, log);
  await app.listen(config.server.port);
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || (error instanceof Error && error.name.endsWith('ConfigError'));
  process.stderr.write(`Kluis could not start: ${known ? (error as Error).message : String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
