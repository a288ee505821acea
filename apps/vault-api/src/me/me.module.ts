import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents';
import { AccessLogController } from './access-log/access-log.http.controller';
import { ExportMyDataController } from './export-my-data/export-my-data.http.controller';
import { PersonalDataExporter } from './export-my-data/personal-data-export';
import { MyDocumentsController } from './my-documents/my-documents.http.controller';

@Module({
  imports: [DocumentsModule],
  controllers: [MyDocumentsController, AccessLogController, ExportMyDataController],
  providers: [PersonalDataExporter],
})
export class MeModule {}
