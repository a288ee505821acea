import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents';
import { BlobRetention } from './blob-retention';
import { CustomerBlobLocks } from './customer-blob-locks';
import { CustomerErasure } from './customer-erasure';
import { CustomerRetentionService } from './customer-retention.service';
import { EndRelationshipController } from './end-relationship/end-relationship.http.controller';
import { GetRetentionController } from './get-retention/get-retention.http.controller';
import { LiftLegalHoldController } from './lift-legal-hold/lift-legal-hold.http.controller';
import { PlaceLegalHoldController } from './place-legal-hold/place-legal-hold.http.controller';
import { RequestErasureController } from './request-erasure/request-erasure.http.controller';
import { RetentionProcess } from './retention.process';
import { StartRelationshipController } from './start-relationship/start-relationship.http.controller';

/** Anti-money-laundering retention, legal holds, and erasure by destroying the customer's key. */
@Module({
  imports: [DocumentsModule],
  controllers: [StartRelationshipController, EndRelationshipController, PlaceLegalHoldController, LiftLegalHoldController, GetRetentionController, RequestErasureController],
  providers: [CustomerRetentionService, CustomerErasure, RetentionProcess, BlobRetention, CustomerBlobLocks],
  exports: [RetentionProcess],
})
export class RetentionModule {}
