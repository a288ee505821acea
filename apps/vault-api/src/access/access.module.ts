import { Global, Module } from '@nestjs/common';
import { AccessRecorder } from './access-recorder';

@Global()
@Module({ providers: [AccessRecorder], exports: [AccessRecorder] })
export class AccessModule {}
