export type { ReadModelSchema } from './database/read-model.schema';
export { openReadModelDatabase, type ReadModelDatabase, type ReadModelLocation } from './database/open-read-model-database';
export type { Projection } from './projection/projection';
export { Projector, type ProjectorOptions } from './projection/projector';
export { type ProjectorLease, soleProjectorLease } from './projection/projector-lease';
export { PostgresProjectorLease, type PostgresProjectorLeaseOptions } from './projection/postgres-projector-lease';
export { projectorLeaseFor } from './projection/projector-lease-for';
export { CheckpointMovedError } from './projection/checkpoint-moved.error';
export { deleteCheckpoint } from './projection/checkpoints';
export { rebuildBeside, type RebuildBesideOptions, type RebuildBesideOutcome } from './projection/rebuild-beside';
export { documentsProjection } from './documents/documents.projection';
export type { DocumentSummary } from './documents/document-summary';
export { countPendingScan, documentsPendingScan } from './documents/pending-scan.queries';
export {
  listCustomerDocuments,
  findDocumentWithContent,
  reviewQueue,
  documentsPastValidity,
  reviewBacklog,
  type ReviewQueueItem,
  type ReviewQueueOptions,
} from './documents/document.queries';
export {
  findEvidence,
  listRequests,
  latestRejection,
  activeReferences,
  departmentFeed,
  reliedOnAndLapsing,
  findRequest,
  type RequestView,
  type EscalationView,
  type AskerView,
  type ReferenceView,
  type FeedEntry,
} from './documents/reuse.queries';
export { findPendingEvidence, waitersOn, IN_REVIEW, type PendingEvidence, type Waiters } from './requests/pending-evidence.queries';

export { knownHolders } from './documents/known-holders.query';
export { customerOfDocument } from './documents/customer-of-document.query';
export { accessLogProjection } from './access/access-log.projection';
export { accessLog, type AccessLogEntry } from './access/access-log.queries';
export { openAccessWindows, closeAccessWindow, forgetAccessWindows, countInAccessWindow, accessWindowCounts } from './access/access-windows.queries';
export { isKnownCustomer } from './access/known-customer.query';
export { customerRetention, customersDueForErasure, erasuresToComplete, customerDocumentIds, departmentsThatReliedOn, type CustomerRetentionView } from './retention/customer-retention.queries';
export { cutFreeTextFromDeadLetters, forgetKeptAnswersAbout, refillDeadLettersFromFeed } from './retention/forget-kept-answers';

export { noticeOutboxProjection } from './notices/notice-outbox.projection';
export { dueNotices, markUnaddressed, countUndeliveredNotices, undeliveredNotices, type OutboxNotice, type UndeliveredNotice } from './notices/notice-outbox.queries';
export { documentsExpiringBetween, type ExpiringDocumentRow } from './notices/expiring-documents.query';

// Operational state beside the read models, read and written only through its repositories.
export type { OperationalDatabase } from './operational/operational-database';
export {
  reserveIdempotencyKey,
  storeIdempotentAnswer,
  findIdempotencyKey,
  releaseIdempotencyKey,
  deleteIdempotencyKeysBefore,
  forgetIdempotencyKeys,
  type StoredIdempotencyKey,
} from './operational/idempotency-keys.repository';
export {
  lastBulkTouch,
  customersTouchedSince,
  recordBulkTouch,
  recordBulkBlock,
  findBulkBlock,
  listBulkBlocks,
  countBulkBlocks,
  liftBulkBlock,
  type BulkBlock,
} from './operational/bulk-guard.repository';
export {
  webhookCursor,
  advanceWebhookCursor,
  deadLetterWebhookEntry,
  listWebhookDeadLetters,
  findWebhookDeadLetter,
  removeWebhookDeadLetter,
  recordWebhookRetryFailure,
  type WebhookDeadLetter,
} from './operational/webhook-deliveries.repository';
export {
  rememberFulfilmentDocument,
  findFulfilmentDocument,
  setFulfilmentDocumentStatus,
  verifiedFulfilmentDocuments,
  findOpenAsk,
  openAsk,
  closeAsk,
  sentAsksDueBetween,
  forgetFulfilmentState,
  type FulfilmentDocument,
  type FulfilmentAsk,
} from './operational/fulfilment-state.repository';
