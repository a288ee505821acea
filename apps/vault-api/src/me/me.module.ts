import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { AccessLogController } from './access-log/access-log.http.controller';
import { MyDocumentsController } from './my-documents/my-documents.http.controller';

@Module({ imports: [DocumentsModule], controllers: [MyDocumentsController, AccessLogController] })
export class MeModule {}
