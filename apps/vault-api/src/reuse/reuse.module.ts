import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents';
import { IdempotencyModule } from '../idempotency';
import { RequestFulfilment, RequestNotices } from '../requests';
import { ConfirmEscalationHandler } from './escalate-request/confirm-escalation.handler';
import { ProposeEscalationHandler } from './escalate-request/escalate-request.handler';
import { EscalationSteps } from './escalate-request/escalation-steps';
import { EscalateRequestController } from './escalate-request/escalate-request.http.controller';
import { GetDocumentRequestController } from './get-document-request/get-document-request.http.controller';
import { GetEvidenceHandler } from './get-evidence/get-evidence.handler';
import { GetEvidenceController } from './get-evidence/get-evidence.http.controller';
import { ListDocumentRequestsHandler } from './list-document-requests/list-document-requests.handler';
import { ReadFeedController } from './read-feed/read-feed.http.controller';
import { ReferenceDocumentController } from './reference-document/reference-document.http.controller';
import { RequestDocumentHandler } from './request-document/request-document.handler';
import { DocumentRequestsController } from './request-document/request-document.http.controller';

/** Reuse across departments: evidence, reliance, shared asks, their escalation and the feed. */
@Module({
  imports: [DocumentsModule, IdempotencyModule],
  controllers: [GetEvidenceController, ReferenceDocumentController, DocumentRequestsController, GetDocumentRequestController, EscalateRequestController, ReadFeedController],
  providers: [
    GetEvidenceHandler,
    RequestDocumentHandler,
    ListDocumentRequestsHandler,
    RequestFulfilment,
    RequestNotices,
    EscalationSteps,
    ProposeEscalationHandler,
    ConfirmEscalationHandler,
  ],
})
export class ReuseModule {}
