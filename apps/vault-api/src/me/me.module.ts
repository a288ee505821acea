import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { MyDocumentsController } from './my-documents/my-documents.http.controller';

@Module({ imports: [DocumentsModule], controllers: [MyDocumentsController] })
export class MeModule {}
