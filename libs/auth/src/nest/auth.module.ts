import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AuthConfig } from '../auth.config';
import { DevTokenVerifier } from '../dev/dev-token-verifier';
import { OidcTokenVerifier } from '../oidc/oidc-token-verifier';
import { DEFAULT_TOKEN_POLICY } from '../token-policy';
import { TOKEN_VERIFIER, type TokenVerifier } from '../token-verifier';
import { BearerAuthGuard, TOKEN_POLICY } from './bearer-auth.guard';

/** Provides TOKEN_VERIFIER for the configured mode and puts every route behind BearerAuthGuard. */
@Module({})
export class AuthModule {
  static forRoot(config: AuthConfig): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: TOKEN_VERIFIER, useFactory: () => createTokenVerifier(config) },
        { provide: TOKEN_POLICY, useValue: config.tokens ?? DEFAULT_TOKEN_POLICY },
        { provide: APP_GUARD, useClass: BearerAuthGuard },
      ],
      exports: [TOKEN_VERIFIER],
    };
  }
}

async function createTokenVerifier(config: AuthConfig): Promise<TokenVerifier> {
  switch (config.mode) {
    case 'dev': {
      const verifier = new DevTokenVerifier(config.dataDir, config.tokens?.maxLifetimeSeconds);
      await verifier.init();
      return verifier;
    }
    case 'oidc':
      return new OidcTokenVerifier(config);
    default: {
      const unhandled: never = config;
      throw new Error(`unknown auth mode ${(unhandled as AuthConfig).mode}`);
    }
  }
}
