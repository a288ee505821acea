/**
 * The shapes of the vault's public REST API that the UI reads, under the UI's names: each is the type generated from
 * the OpenAPI document (/docs-json), so a change to an answer reaches the UI's type check.
 */
import type * as Api from './vault-api.generated';

export type { Channel, DocumentStatus, DocumentType, FactName, Facts } from '@kluis/document-domain/browser';
export { FACT_NAMES } from '@kluis/document-domain/browser';

export type UiDocumentType = Api.UiDocumentTypeResponse;
export type UiConfig = Api.UiConfigResponse;
export type DemoIdentity = Api.DemoIdentityResponse;
export type Rejection = Api.RejectionResponse;
export type Review = Api.ReviewResponse;
export type StoredFile = Api.FileResponse;
export type DocumentReference = Api.RelianceResponse;
export type VaultDocument = Api.DocumentResponse;
export type HolderMismatch = Api.HolderMismatchResponse;
export type ChipVerdict = Api.ChipVerdictResponse;
export type DocumentSummary = Api.DocumentSummaryResponse;
export type MyDocument = Api.MyDocumentResponse;
export type DocumentAsker = Api.AskerResponse;
export type OpenRequest = Api.RequestResponse;
export type MyRetention = Api.MyRetentionResponse;
export type MyDocuments = Api.MyDocumentsResponse;
export type ReviewQueueItem = Api.ReviewQueueItemResponse;
export type HistoryEntry = Api.HistoryEntryResponse;
/** What the UI shows of a refusal: the vault's problem+json, or what a proxy or the network answered instead. */
export type Problem = Pick<Api.ProblemResponse, 'title' | 'status' | 'detail'> & Partial<Pick<Api.ProblemResponse, 'type' | 'code' | 'errors' | 'instance'>>;
export type AccessLogEntry = Api.AccessLogEntryResponse;
export type AccessLogPage = Api.AccessLogResponse;
export type Notice = Api.NoticeResponse;
export type NoticesPage = Api.MyNoticesResponse;
export type Contact = Api.ContactResponse;
