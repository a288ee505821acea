import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents';
import { ClaimDocumentController } from './claim-document/claim-document.http.controller';
import { IdentityNumberRegistry } from './review-document/identity-number-registry';
import { ReviewDocumentController } from './review-document/review-document.http.controller';
import { ReviewDocument } from './review-document/review-document.service';
import { ReviewQueueHandler } from './review-queue/review-queue.handler';
import { ReviewQueueController } from './review-queue/review-queue.http.controller';

@Module({
  imports: [DocumentsModule],
  controllers: [ReviewDocumentController, ReviewQueueController, ClaimDocumentController],
  providers: [IdentityNumberRegistry, ReviewDocument, ReviewQueueHandler],
})
export class ReviewsModule {}
