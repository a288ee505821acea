import { type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { VaultConfig } from './config/vault-config';
import type { Clock } from './infrastructure/clock';
import { answerUnparsableRequests } from './shared/http/client-errors';
import { buildOpenApiDocument } from './shared/http/openapi/openapi-document';
import { parseRequestBodies } from './shared/http/request-bodies';
import { hiddenOpsEndpoints, securityHeaders } from './shared/http/security-headers';
import { scopeRequest } from './lifecycle/request-scope';
import { serveWebUi } from './web/static/serve-web-ui';
import { uiSecurityHeaders } from './web/static/ui-security-headers';
import { loadWebAssets } from './web/static/web-assets';
import type { WebConfig } from './config/web-config';
import { WebModule } from './web/web.module';

@Module({})
class VaultModule {}

/**
 * Builds the vault exactly as it runs in production; tests pass their own config, clock and UI. How the process
 * stops and survives an escaped error is main's business (see lifecycle/).
 */
export async function createVaultApp(config: VaultConfig, overrides: { clock?: Clock; web?: WebConfig } = {}): Promise<INestApplication> {
  const web = overrides.web ?? config.web;
  const app = await NestFactory.create<NestExpressApplication>(
    { module: VaultModule, imports: [AppModule.forRoot(config, overrides), WebModule.forRoot(config, web)] },
    { bufferLogs: true, bodyParser: false },
  );
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.use(scopeRequest);
  answerUnparsableRequests(app.getHttpServer());
  app.use(securityHeaders(config.server.http));
  app.use(hiddenOpsEndpoints(config.server.http));
  parseRequestBodies(app);
  const assets = await loadWebAssets(web.assetsDir);
  if (assets) app.use(serveWebUi(assets, uiSecurityHeaders(config.auth)));
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app, config.notices.signInUrl), { jsonDocumentUrl: 'docs-json' });
  await app.init();
  return app;
}
