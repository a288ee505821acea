import { customerStream, type DocumentEvent, documentStream } from '@kluis/document-domain';
import { aCustomer, aReviewer, approvedBy, aSubmission, passportFacts, rejectedBy, submitted, verified, withdrawnBy } from '@kluis/document-domain/testing';
import { inStream, projectionSpec } from '../testing';
import { documentsProjection } from './documents.projection';

const spec = projectionSpec(documentsProjection);
const support = aReviewer('support-1');

/** A submitted passport and the events that happen to it afterwards, on its own stream. */
function aPassport() {
  const submission = aSubmission('passport');
  const { documentId, customerId } = submission;
  const on = (...events: DocumentEvent[]) => inStream(documentStream(documentId), ...events);
  return { documentId, customerId, submittedEvent: on(submitted(submission)), on };
}

function approvedAndVerified(documentId: string, validUntil: string): DocumentEvent[] {
  return [approvedBy(documentId, aReviewer('anna'), passportFacts()), approvedBy(documentId, aReviewer('bram'), passportFacts()), verified(documentId, passportFacts(), validUntil)];
}

const referenced = (documentId: string, customerId: string, department: string): DocumentEvent => ({
  type: 'DocumentReferenced',
  data: { documentId, customerId, referenceId: `ref-${department}`, department, purpose: 'Mortgage file', caseRef: 'CASE-7', referencedBy: aReviewer('lena'), referencedAt: '2026-11-05T09:00:00.000Z' },
});

describe('the documents projection', () => {
  it('lists a submitted document as waiting for review, with its file and channel', async () => {
    const passport = aPassport();
    await spec.given(passport.submittedEvent).then({
      documents: [
        {
          document_id: passport.documentId,
          customer_id: passport.customerId,
          type: 'passport',
          evidence_kind: 'identity',
          status: 'pending_review',
          media_type: 'application/pdf',
          filename: 'scan.pdf',
          channel: 'online',
          submitted_at: '2026-11-02T09:00:00.000Z',
          review_due_at: '2026-11-09T09:00:00.000Z',
          approvals: 0,
          facts: null,
          revision: 0,
        },
      ],
      document_references: [],
      department_feed: [],
    });
  });

  it('counts approvals, remembers the first approver, and shows the facts once verified', async () => {
    const passport = aPassport();
    await spec.given(passport.submittedEvent, passport.on(...approvedAndVerified(passport.documentId, '2031-01-01'))).then({
      documents: [
        {
          document_id: passport.documentId,
          status: 'verified',
          approvals: 2,
          first_approval_by: 'anna',
          facts: JSON.stringify(passportFacts()),
          valid_until: '2031-01-01',
          revision: 3,
        },
      ],
    });
  });

  it('keeps a rejection with its reason, and a withdrawal as withdrawn', async () => {
    const rejected = aPassport();
    const withdrawn = aPassport();
    await spec
      .given(
        rejected.submittedEvent,
        rejected.on(...rejectedBy(rejected.documentId, aReviewer('anna'))),
        withdrawn.submittedEvent,
        withdrawn.on(withdrawnBy(withdrawn.documentId, aCustomer(withdrawn.customerId))),
      )
      .then({
        documents: [
          { document_id: rejected.documentId, status: 'rejected', rejection: JSON.stringify({ reasonCode: 'ILLEGIBLE', message: 'Too blurry.', at: '2026-11-03T10:00:00.000Z' }) },
          { document_id: withdrawn.documentId, status: 'withdrawn', rejection: null },
        ],
      });
  });

  it('tells the department relying on a document that it was revoked', async () => {
    const passport = aPassport();
    const revoked: DocumentEvent = { type: 'DocumentRevoked', data: { documentId: passport.documentId, reason: 'Reported stolen', revokedBy: support, revokedAt: '2026-11-06T09:00:00.000Z' } };
    await spec
      .given(passport.submittedEvent, passport.on(...approvedAndVerified(passport.documentId, '2031-01-01'), referenced(passport.documentId, passport.customerId, 'lending'), revoked))
      .then({
        documents: [{ document_id: passport.documentId, status: 'revoked', revocation: JSON.stringify({ reason: 'Reported stolen', at: '2026-11-06T09:00:00.000Z' }) }],
        document_references: [{ reference_id: 'ref-lending', document_id: passport.documentId, department: 'lending', purpose: 'Mortgage file', case_ref: 'CASE-7', released_at: null }],
        department_feed: [
          {
            department: 'lending',
            type: 'DocumentRevoked',
            customer_id: passport.customerId,
            document_id: passport.documentId,
            at: '2026-11-06T09:00:00.000Z',
            detail: JSON.stringify({ reason: 'Reported stolen', documentType: 'passport' }),
          },
        ],
      });
  });

  it('drops the personal data of an erased document, releases what relied on it, and keeps it erased', async () => {
    const passport = aPassport();
    const erased: DocumentEvent = { type: 'DocumentErased', data: { documentId: passport.documentId, customerId: passport.customerId, reason: 'retention-ended', erasedAt: '2032-01-01T00:00:00.000Z' } };
    const expiredAfterwards: DocumentEvent = { type: 'DocumentExpired', data: { documentId: passport.documentId, validUntil: '2031-01-01', expiredAt: '2032-01-02T00:00:00.000Z' } };
    await spec
      .given(passport.submittedEvent, passport.on(...approvedAndVerified(passport.documentId, '2031-01-01'), referenced(passport.documentId, passport.customerId, 'lending'), erased, expiredAfterwards))
      .then({
        documents: [{ document_id: passport.documentId, status: 'erased', facts: null, filename: null, valid_until: '2031-01-01' }],
        document_references: [{ reference_id: 'ref-lending', purpose: '', case_ref: '', released_at: '2032-01-01T00:00:00.000Z' }],
        // Released by the erasure, the department hears nothing more of the document.
        department_feed: [{ department: 'lending', type: 'DocumentErased', document_id: passport.documentId }],
      });
  });

  it('erases a document whose fields read back erased, even without its erasure event', async () => {
    const passport = aPassport();
    const readBackErased = { stream: documentStream(passport.documentId), ...approvedBy(passport.documentId, aReviewer('anna'), passportFacts()), metadata: { erased: ['facts'] } };
    await spec
      .given(passport.submittedEvent, readBackErased)
      .then({ documents: [{ document_id: passport.documentId, status: 'erased', facts: null, filename: null, approvals: 1 }] });
  });

  it("keeps the customer's retention clock and erases every document of an erased customer", async () => {
    const passport = aPassport();
    const { customerId } = passport;
    await spec
      .given(
        passport.submittedEvent,
        passport.on(...approvedAndVerified(passport.documentId, '2031-01-01')),
        inStream(
          customerStream(customerId),
          { type: 'CustomerRelationshipStarted', data: { customerId, startedOn: '2020-01-01', startedBy: support, startedAt: '2020-01-01T09:00:00.000Z' } },
          { type: 'CustomerRelationshipEnded', data: { customerId, endedOn: '2026-11-23', retainedUntil: '2031-11-23', endedBy: support, endedAt: '2026-11-23T09:00:00.000Z' } },
          { type: 'LegalHoldPlaced', data: { customerId, holdId: 'h-1', reason: 'Court order', caseRef: 'C-1', placedBy: support, placedAt: '2027-01-01T09:00:00.000Z' } },
          { type: 'LegalHoldLifted', data: { customerId, holdId: 'h-1', liftedBy: support, liftedAt: '2028-01-01T09:00:00.000Z' } },
          { type: 'CustomerErased', data: { customerId, reason: 'retention-ended', erasedBy: support, erasedAt: '2031-11-24T02:00:00.000Z' } },
        ),
      )
      .then({
        customer_retention: [{ customer_id: customerId, status: 'erased', started_on: '2020-01-01', ended_on: '2026-11-23', retained_until: '2031-11-23', holds: 0, erasure_reason: 'retention-ended' }],
        documents: [{ document_id: passport.documentId, status: 'erased', facts: null, filename: null }],
      });
  });
});
