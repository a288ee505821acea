import { randomUUID } from 'node:crypto';
import type { Actor } from '../domain-event';
import { DEFAULT_CATALOGUE } from '../document-type-catalogue';
import type { DocumentType } from '../document-type';
import type { ApproveDocument, RejectDocument, SubmitDocument, WithdrawDocument } from '../document/document.commands';
import type { DocumentEvent, DocumentSubmitted } from '../document/document.events';
import type { Facts } from '../facts';

export const aCustomer = (id: string = `C-${randomUUID()}`): Actor => ({ id, kind: 'customer' });
export const aReviewer = (name: string): Actor => ({ id: name, kind: 'staff' });

export const passportFacts = (overrides: Facts = {}): Facts => ({
  documentNumber: 'NXC4K8R71',
  issuingCountry: 'NLD',
  holderName: 'Maria de Vries',
  dateOfBirth: '1974-08-12',
  expiresOn: '2031-01-01',
  ...overrides,
});

export const powerOfAttorneyFacts = (overrides: Facts = {}): Facts => ({
  notary: 'Mr. J. Bakker, Utrecht',
  deedDate: '2026-10-02',
  grantor: 'Jan de Vries',
  attorney: 'Maria de Vries',
  scope: 'All banking matters',
  ...overrides,
});

export function aSubmission(type: DocumentType, overrides: Partial<SubmitDocument> = {}): SubmitDocument {
  const customer = aCustomer();
  return {
    type: 'SubmitDocument',
    documentId: randomUUID(),
    customerId: customer.id,
    documentType: type,
    file: { blobKey: `documents/${randomUUID()}`, sha256: 'a'.repeat(64), size: 1024, mediaType: 'application/pdf', filename: 'scan.pdf' },
    channel: 'online',
    relatedCustomerIds: [],
    scan: 'clean',
    by: customer,
    ...overrides,
  };
}

/** The event a submission produces, at a fixed moment, for use as history. */
export function submitted(submission: SubmitDocument, at = '2026-11-02T09:00:00.000Z', reviewDueAt = '2026-11-09T09:00:00.000Z'): DocumentSubmitted {
  return {
    type: 'DocumentSubmitted',
    data: {
      documentId: submission.documentId,
      customerId: submission.customerId,
      type: submission.documentType,
      evidenceKind: DEFAULT_CATALOGUE[submission.documentType].evidenceKind,
      file: submission.file,
      channel: submission.channel,
      relatedCustomerIds: [...submission.relatedCustomerIds],
      submittedBy: submission.by,
      submittedAt: at,
      reviewDueAt,
    },
  };
}

export const approve = (documentId: string, by: Actor, facts: Facts): ApproveDocument => ({ type: 'ApproveDocument', documentId, by, facts });
export const reject = (documentId: string, by: Actor, reasonCode = 'ILLEGIBLE', message = 'The scan is too blurry to read.'): RejectDocument => ({
  type: 'RejectDocument',
  documentId,
  by,
  reasonCode,
  message,
});
export const withdraw = (documentId: string, by: Actor): WithdrawDocument => ({ type: 'WithdrawDocument', documentId, by });

export function approvedBy(documentId: string, reviewer: Actor, facts: Facts, at = '2026-11-03T10:00:00.000Z'): DocumentEvent {
  return { type: 'DocumentReviewed', data: { documentId, reviewer, decision: 'approve', facts, reasonCode: null, message: null, reviewedAt: at } };
}

export function verified(documentId: string, facts: Facts, validUntil: string | null, at = '2026-11-03T10:00:00.000Z'): DocumentEvent {
  return { type: 'DocumentVerified', data: { documentId, facts, validUntil, verifiedAt: at } };
}

export function rejectedBy(documentId: string, reviewer: Actor, at = '2026-11-03T10:00:00.000Z'): DocumentEvent[] {
  return [
    { type: 'DocumentReviewed', data: { documentId, reviewer, decision: 'reject', facts: {}, reasonCode: 'ILLEGIBLE', message: 'Too blurry.', reviewedAt: at } },
    { type: 'DocumentRejected', data: { documentId, reasonCode: 'ILLEGIBLE', message: 'Too blurry.', rejectedBy: reviewer, rejectedAt: at } },
  ];
}

export function withdrawnBy(documentId: string, by: Actor, at = '2026-11-04T10:00:00.000Z'): DocumentEvent {
  return { type: 'DocumentWithdrawn', data: { documentId, withdrawnBy: by, withdrawnAt: at } };
}
