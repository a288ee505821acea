import type { DevAuthConfig } from '@kluis/auth';
import { type DynamicModule, Module } from '@nestjs/common';
import { DEV_AUTH_CONFIG, DevSignInController } from './dev-sign-in.http.controller';

@Module({})
export class DevSignInModule {
  static forRoot(auth: DevAuthConfig): DynamicModule {
    return { module: DevSignInModule, controllers: [DevSignInController], providers: [{ provide: DEV_AUTH_CONFIG, useValue: auth }] };
  }
}
