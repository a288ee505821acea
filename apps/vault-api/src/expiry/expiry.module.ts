import { Module } from '@nestjs/common';
import { ExpiryProcess } from './expiry.process';

@Module({ providers: [ExpiryProcess], exports: [ExpiryProcess] })
export class ExpiryModule {}
