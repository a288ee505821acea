import { type DynamicModule, Module } from '@nestjs/common';
import type { VaultConfig } from '../config/vault-config';
import { DevSignInModule } from './dev-sign-in/dev-sign-in.module';
import { uiConfigOf } from './ui-config/ui-config';
import { UI_CONFIG, UiConfigController } from './ui-config/ui-config.http.controller';
import type { WebConfig } from '../config/web-config';

/** The browser UI's public configuration and, in dev mode only, its sign-in. The files themselves are served by serveWebUi. */
@Module({})
export class WebModule {
  static forRoot(config: Pick<VaultConfig, 'auth' | 'uploads' | 'catalogue'>, web: WebConfig): DynamicModule {
    return {
      module: WebModule,
      imports: config.auth.mode === 'dev' ? [DevSignInModule.forRoot(config.auth)] : [],
      controllers: [UiConfigController],
      providers: [{ provide: UI_CONFIG, useValue: uiConfigOf(config.auth, web.oidcClientId, config.uploads.maxBytes, config.catalogue) }],
    };
  }
}
