import { CHIP_READING_MEDIA_TYPE, type DocumentEvent, type DocumentType, documentStream } from '@kluis/document-domain';
import { aCustomer, aReviewer, approvedBy, aSubmission, passportFacts, rejectedBy, submitted, verified, withdrawnBy } from '@kluis/document-domain/testing';
import { randomUUID } from 'node:crypto';
import type { ReadModelDatabase } from '../database/open-read-model-database';
import { inStream, projectionSpec } from '../testing';
import { documentsProjection } from './documents.projection';
import { findEvidence } from './reuse.queries';

const spec = projectionSpec(documentsProjection);
const TODAY = '2026-12-01';
const IDENTITY: DocumentType[] = ['passport', 'id-card'];

/** One customer's documents, each on its own stream, and which of them the evidence query picks. */
function aCustomerOnFile() {
  const customerId = `C-${randomUUID()}`;
  const document = (type: DocumentType, mediaType = 'application/pdf') => {
    const submission = aSubmission(type, { customerId, by: aCustomer(customerId), file: { blobKey: `documents/${randomUUID()}`, sha256: 'b'.repeat(64), size: 2048, mediaType, filename: 'scan.pdf' } });
    const on = (...events: DocumentEvent[]) => inStream(documentStream(submission.documentId), submitted(submission), ...events);
    return {
      id: submission.documentId,
      verified: (validUntil: string | null, ...after: DocumentEvent[]) =>
        on(approvedBy(submission.documentId, aReviewer('anna'), passportFacts()), verified(submission.documentId, passportFacts(), validUntil), ...after),
      on,
    };
  };
  const best = (types = IDENTITY, minAssurance: 'review' | 'chip' = 'review') => async (db: ReadModelDatabase) => {
    const found = await findEvidence(db, customerId, types, TODAY, minAssurance);
    return found && { id: found.id, assurance: found.assurance };
  };
  return { customerId, document, best };
}

describe('the evidence ranking', () => {
  it('prefers a passed chip reading to a reviewed scan that is valid for longer', async () => {
    const customer = aCustomerOnFile();
    const scan = customer.document('passport');
    const chip = customer.document('passport', CHIP_READING_MEDIA_TYPE);
    await spec.given(scan.verified('2035-01-01'), chip.verified('2030-01-01')).thenAnswers(customer.best(), { id: chip.id, assurance: 'chip' });
  });

  it('among documents of equal assurance, picks the one valid longest, and one valid for good above all', async () => {
    const customer = aCustomerOnFile();
    const shorter = customer.document('passport');
    const longer = customer.document('id-card');
    const forGood = customer.document('id-card');
    await spec.given(shorter.verified('2028-01-01'), longer.verified('2033-01-01')).thenAnswers(customer.best(), { id: longer.id, assurance: 'review' });
    await spec.given(shorter.verified('2028-01-01'), forGood.verified(null), longer.verified('2033-01-01')).thenAnswers(customer.best(), { id: forGood.id, assurance: 'review' });
  });

  it('still counts a document valid until today, and none that lapsed yesterday', async () => {
    const customer = aCustomerOnFile();
    const lapsed = customer.document('passport');
    const lastDay = customer.document('passport');
    await spec.given(lapsed.verified('2026-11-30'), lastDay.verified(TODAY)).thenAnswers(customer.best(), { id: lastDay.id, assurance: 'review' });
    await spec.given(lapsed.verified('2026-11-30')).thenAnswers(customer.best(), null);
  });

  it('answers nothing for documents that are withdrawn, rejected, revoked, erased or of another type', async () => {
    const customer = aCustomerOnFile();
    const withdrawn = customer.document('passport');
    const rejected = customer.document('passport');
    const revoked = customer.document('passport');
    const erased = customer.document('passport');
    const otherType = customer.document('driving-licence');
    await spec
      .given(
        withdrawn.on(withdrawnBy(withdrawn.id, aCustomer(customer.customerId))),
        rejected.on(...rejectedBy(rejected.id, aReviewer('anna'))),
        revoked.verified('2031-01-01', { type: 'DocumentRevoked', data: { documentId: revoked.id, reason: 'Reported stolen', revokedBy: aReviewer('support-1'), revokedAt: '2026-11-20T09:00:00.000Z' } }),
        erased.verified('2031-01-01', { type: 'DocumentErased', data: { documentId: erased.id, customerId: customer.customerId, reason: 'prospect-request', erasedAt: '2026-11-21T09:00:00.000Z' } }),
        otherType.verified('2031-01-01'),
      )
      .thenAnswers(customer.best(), null);
  });

  it("answers nothing below the assurance asked for, for no types, or for another customer's documents", async () => {
    const customer = aCustomerOnFile();
    const someoneElse = aCustomerOnFile();
    const scan = customer.document('passport');
    await spec.given(scan.verified('2031-01-01')).thenAnswers(customer.best(IDENTITY, 'chip'), null);
    await spec.given(scan.verified('2031-01-01')).thenAnswers(customer.best([]), null);
    await spec.given(scan.verified('2031-01-01')).thenAnswers(someoneElse.best(), null);
  });
});
