import { type DocumentStatus, type DocumentType, type Facts, withoutInvisibleControls } from '@kluis/document-domain';
import type { DocumentsTable } from '../database/read-model.schema';

/** A document as lists and the review queue show it. */
export interface DocumentSummary {
  readonly id: string;
  readonly customerId: string;
  readonly type: DocumentType;
  readonly status: DocumentStatus;
  readonly file: { readonly sha256: string; readonly size: number; readonly mediaType: string; readonly filename: string | null };
  readonly channel: string;
  readonly relatedCustomerIds: readonly string[];
  readonly submittedAt: string;
  readonly reviewDueAt: string;
  readonly approvals: number;
  readonly firstApprovalBy: string | null;
  readonly facts: Facts | null;
  readonly expiresOn: string | null;
  readonly rejection: { readonly reasonCode: string; readonly message: string; readonly at: string } | null;
  readonly claim: { readonly by: string; readonly until: string } | null;
  readonly revision: number;
}

/** Filenames stored by older versions may still carry invisible controls; they never leave with one. */
export function toDocumentSummary(row: DocumentsTable): DocumentSummary {
  return {
    id: row.document_id,
    customerId: row.customer_id,
    type: row.type as DocumentType,
    status: row.status as DocumentStatus,
    file: { sha256: row.sha256, size: Number(row.size), mediaType: row.media_type, filename: row.filename && withoutInvisibleControls(row.filename) },
    channel: row.channel,
    relatedCustomerIds: JSON.parse(row.related_customer_ids) as string[],
    submittedAt: row.submitted_at,
    reviewDueAt: row.review_due_at,
    approvals: Number(row.approvals),
    firstApprovalBy: row.first_approval_by,
    facts: row.facts ? (JSON.parse(row.facts) as Facts) : null,
    expiresOn: row.valid_until,
    rejection: row.rejection ? (JSON.parse(row.rejection) as DocumentSummary['rejection']) : null,
    claim: row.claimed_by && row.claim_expires_at ? { by: row.claimed_by, until: row.claim_expires_at } : null,
    revision: Number(row.revision),
  };
}
