import { Module } from '@nestjs/common';
import { DocumentChanges } from './document-changes';
import { DocumentReader } from './document-reader';
import { DisputeDocumentController } from './dispute-document/dispute-document.http.controller';
import { GetDocumentContentController } from './get-document-content/get-document-content.http.controller';
import { GetDocumentHistoryController } from './get-document-history/get-document-history.http.controller';
import { GetDocumentHandler } from './get-document/get-document.handler';
import { GetDocumentController } from './get-document/get-document.http.controller';
import { ListCustomerDocumentsHandler } from './list-customer-documents/list-customer-documents.handler';
import { ListCustomerDocumentsController } from './list-customer-documents/list-customer-documents.http.controller';
import { SubmitDocumentHandler } from './submit-document/submit-document.handler';
import { SubmitDocumentController } from './submit-document/submit-document.http.controller';
import { UploadReceiver } from './submit-document/upload-receiver';
import { RevokeDocumentController } from './revoke-document/revoke-document.http.controller';
import { WithdrawDocumentController } from './withdraw-document/withdraw-document.http.controller';
import { IdempotencyModule } from '../idempotency';
import { MetricsModule } from '../metrics';
import { MalwareScannerModule } from '../infrastructure/malware-scanner.module';

@Module({
  imports: [MalwareScannerModule, IdempotencyModule, MetricsModule],
  controllers: [
    SubmitDocumentController,
    ListCustomerDocumentsController,
    GetDocumentController,
    GetDocumentContentController,
    GetDocumentHistoryController,
    WithdrawDocumentController,
    DisputeDocumentController,
    RevokeDocumentController,
  ],
  providers: [
    DocumentReader,
    DocumentChanges,
    UploadReceiver,
    SubmitDocumentHandler,
    ListCustomerDocumentsHandler,
    GetDocumentHandler,
  ],
  exports: [DocumentReader, DocumentChanges],
})
export class DocumentsModule {}
