import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { RequestFulfilment } from '../requests/request-fulfilment.service';
import { IdempotencyService } from '../shared/http/idempotency.service';
import { GetEvidenceHandler } from './get-evidence/get-evidence.handler';
import { GetEvidenceController } from './get-evidence/get-evidence.http.controller';
import { ListDocumentRequestsHandler } from './list-document-requests/list-document-requests.handler';
import { ReadFeedController } from './read-feed/read-feed.http.controller';
import { ReferenceDocumentHandler } from './reference-document/reference-document.handler';
import { ReferenceDocumentController } from './reference-document/reference-document.http.controller';
import { ReleaseReferenceHandler } from './release-reference/release-reference.handler';
import { RequestDocumentHandler } from './request-document/request-document.handler';
import { DocumentRequestsController } from './request-document/request-document.http.controller';

/** Reuse across departments: evidence, reliance, shared asks and the feed. */
@Module({
  imports: [DocumentsModule],
  controllers: [GetEvidenceController, ReferenceDocumentController, DocumentRequestsController, ReadFeedController],
  providers: [
    IdempotencyService,
    GetEvidenceHandler,
    ReferenceDocumentHandler,
    ReleaseReferenceHandler,
    RequestDocumentHandler,
    ListDocumentRequestsHandler,
    RequestFulfilment,
  ],
})
export class ReuseModule {}
