import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents';
import { ClaimDocumentHandler } from './claim-document/claim-document.handler';
import { ClaimDocumentController } from './claim-document/claim-document.http.controller';
import { IdentityNumberRegistry } from './review-document/identity-number-registry';
import { ReviewDocumentHandler } from './review-document/review-document.handler';
import { ReviewDocumentController } from './review-document/review-document.http.controller';
import { ReviewQueueHandler } from './review-queue/review-queue.handler';
import { ReviewQueueController } from './review-queue/review-queue.http.controller';

@Module({
  imports: [DocumentsModule],
  controllers: [ReviewDocumentController, ReviewQueueController, ClaimDocumentController],
  providers: [IdentityNumberRegistry, ReviewDocumentHandler, ReviewQueueHandler, ClaimDocumentHandler],
})
export class ReviewsModule {}
