/** The shapes of the vault's public REST API (/docs-json) that the UI reads, in the vocabularies the domain declares. */

import type { Assurance, Channel, ChipAuthentication, ChipStepName, DocumentStatus, DocumentType, EvidenceKind, Facts, FactName, HolderCheck, HolderField, NoticeKind } from '@kluis/document-domain/browser';

export type { Channel, DocumentStatus, DocumentType, FactName, Facts } from '@kluis/document-domain/browser';

export interface UiDocumentType {
  readonly type: DocumentType;
  readonly fourEyes: boolean;
  readonly mrz: 'TD3' | 'TD1-or-TD2' | null;
  readonly requiredFacts: readonly FactName[];
}

export interface UiConfig {
  readonly authMode: 'dev' | 'oidc';
  readonly oidc: { readonly issuer: string; readonly clientId: string | null; readonly audience: string } | null;
  readonly maxUploadBytes: number;
  readonly documentTypes: readonly UiDocumentType[];
}

export interface DemoIdentity {
  readonly id: string;
  readonly sub: string;
  readonly roles: readonly string[];
  readonly department?: string;
  readonly scopes: readonly string[];
}

export interface Rejection {
  readonly reasonCode: string;
  readonly message: string;
  readonly at: string;
}

export interface Review {
  readonly decision: 'approve' | 'reject';
  readonly by: string;
  readonly at: string;
  readonly reasonCode: string | null;
  readonly message: string | null;
}

export interface StoredFile {
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/tiff';
  readonly filename: string | null;
}

export interface DocumentReference {
  readonly department: string;
  readonly purpose: string;
  readonly since: string;
}

export interface VaultDocument {
  readonly id: string;
  readonly customerId: string;
  readonly type: DocumentType;
  readonly status: DocumentStatus;
  readonly file: StoredFile;
  readonly submittedAt: string;
  readonly submittedBy: string;
  readonly channel: Channel;
  readonly reviewDueAt: string;
  readonly facts: Facts | null;
  readonly expiresOn: string | null;
  readonly reviews: readonly Review[];
  readonly rejection: Rejection | null;
  readonly claim: { readonly by: string; readonly until: string } | null;
  /** Once verified: `chip` for a chip reading that passed passive authentication, `review` for a checked copy. */
  readonly assurance: Assurance | null;
  readonly chip: ChipVerdict | null;
  /** Staff only: holder fields that differ from the customer's verified identity, and who confirmed them. */
  readonly holderMismatch?: HolderMismatch | null;
  readonly revision: number;
}

export interface HolderMismatch {
  readonly fields: readonly HolderField[];
  readonly confirmed: { readonly by: string; readonly reason: string; readonly at: string } | null;
}

/** What passive authentication made of a chip reading, step by step. */
export interface ChipVerdict {
  readonly passed: boolean;
  readonly failureCode: string | null;
  readonly steps: readonly { readonly step: ChipStepName; readonly outcome: 'passed' | 'failed' | 'not-checked'; readonly code: string | null; readonly detail: string }[];
  readonly signedAt: string | null;
  readonly documentSigner: string | null;
  readonly csca: string | null;
  readonly chipAuthentication: ChipAuthentication;
  readonly holderCheck: HolderCheck;
  readonly facts: Facts;
}

export interface DocumentSummary {
  readonly id: string;
  readonly customerId: string;
  readonly type: DocumentType;
  readonly status: DocumentStatus;
  readonly file: StoredFile;
  readonly submittedAt: string;
  readonly expiresOn: string | null;
  readonly expiringSoon: boolean;
  readonly rejection: Rejection | null;
  readonly revision: number;
}

export interface MyDocument extends DocumentSummary {
  readonly facts: Facts | null;
  /** Which departments rely on it, and why. */
  readonly references?: readonly DocumentReference[];
}

export interface DocumentAsker {
  readonly department: string;
  readonly purpose: string;
  readonly dueBy: string | null;
}

export interface OpenRequest {
  readonly id: string;
  readonly kind: EvidenceKind;
  /** `in_review`: a document of the kind is being checked, and the customer is asked nothing. */
  readonly status: 'open' | 'in_review' | 'satisfied';
  /** The vault's own wording of the ask (what, for whom, why, by when); a department's purpose is only its stated purpose. */
  readonly wording: { readonly en: string; readonly nl: string };
  readonly askers: readonly DocumentAsker[];
  readonly dueBy: string | null;
  readonly overdue: boolean;
  readonly waitingOn: { readonly documentId: string; readonly reviewDueAt: string } | null;
  readonly lastRejection: { readonly reasonCode: string; readonly message: string; readonly at: string } | null;
}

/** How long the law makes the bank keep the customer's records. A legal hold is never shown to the customer. */
export interface MyRetention {
  readonly status: 'prospect' | 'active' | 'retained' | 'erased';
  /** The last day (YYYY-MM-DD) the records are kept, once the relationship has ended. */
  readonly retainedUntil: string | null;
  readonly erasedAt: string | null;
}

export interface MyDocuments {
  readonly documents: readonly MyDocument[];
  /** What the bank still needs from the customer. */
  readonly openRequests?: readonly OpenRequest[];
  readonly retention?: MyRetention;
}

export interface ReviewQueueItem {
  readonly id: string;
  readonly customerId: string;
  readonly type: DocumentType;
  readonly status: DocumentStatus;
  readonly channel: Channel;
  readonly submittedAt: string;
  readonly dueAt: string;
  readonly overdue: boolean;
  readonly waitingMinutes: number;
  readonly firstApprovalBy: string | null;
  readonly claimedBy: string | null;
  readonly claimedUntil: string | null;
  readonly revision: number;
  /** Departments whose ask waits on this review instead of asking the customer. */
  readonly waitingDepartments: readonly string[];
  /** The earliest date a waiting department needs it by. */
  readonly neededBy: string | null;
}

export interface HistoryEntry {
  readonly type: string;
  readonly at: string;
  readonly by: string;
  readonly summary: string;
}

export interface Problem {
  readonly type?: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code?: string;
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
}

export interface AccessLogEntry {
  readonly at: string;
  readonly type: string;
  /** Told the customer's way: a department by name, staff by role. */
  readonly who: string;
  readonly what: string;
  readonly purpose: string | null;
  readonly documentId: string | null;
  /** Refused attempts by the same principal within the hour, shown as one entry. */
  readonly attempts?: number;
}

export interface AccessLogPage {
  readonly entries: readonly AccessLogEntry[];
  /** Pass as ?before= for older entries; null at the end. */
  readonly next: number | null;
}

/** Something the bank told the customer, in the language asked for. */
export interface Notice {
  readonly id: string;
  readonly kind: NoticeKind;
  readonly reference: string;
  readonly issuedAt: string;
  readonly title: string;
  readonly body: string;
  readonly delivery: 'pending' | 'delivered' | 'failed';
}

export interface NoticesPage {
  readonly notices: readonly Notice[];
  /** Pass as ?before= for older notices; null at the end. */
  readonly next: number | null;
}

export interface Contact {
  readonly email: string | null;
}
