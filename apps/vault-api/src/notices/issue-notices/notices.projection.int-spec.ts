import { customerStream, type DocumentEvent, documentStream, type NoticeDraft, noticeReference } from '@kluis/document-domain';
import { aCustomer, aReviewer, approvedBy, aSubmission, passportFacts, rejectedBy, submitted, withdrawnBy } from '@kluis/document-domain/testing';
import { inStream, projectionSpec } from '@kluis/read-models/testing';
import { noticesProjection } from './notices.projection';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The notices process manager at `now`, with the notices it issues written down instead of stored. */
function notices(now = () => new Date()) {
  const issued: Omit<NoticeDraft, 'causedBy'>[] = [];
  // A notice's id is derived from its cause, so that a replay issues nothing twice.
  const causedByItsCause: boolean[] = [];
  const spec = projectionSpec((store) =>
    noticesProjection(store, now, async ({ causedBy, ...draft }, cause) => {
      causedByItsCause.push(causedBy === cause.id);
      issued.push(draft);
    }),
  );
  return { spec, issued, causedByItsCause };
}

function aPassport() {
  const submission = aSubmission('passport');
  const { documentId, customerId } = submission;
  return { documentId, customerId, events: (...after: DocumentEvent[]) => inStream(documentStream(documentId), submitted(submission), ...after) };
}

describe('the notices projection', () => {
  it('tells the customer a document arrived and why it was rejected, naming its type from its first event', async () => {
    const passport = aPassport();
    const { spec, issued, causedByItsCause } = notices();
    await spec.given(passport.events(...rejectedBy(passport.documentId, aReviewer('anna')))).projected();
    expect(causedByItsCause).toEqual([true, true]);
    const reference = noticeReference(passport.documentId);
    expect(issued).toEqual([
      { customerId: passport.customerId, kind: 'received', reference, about: { documentType: 'passport', channel: 'online', reviewDueAt: '2026-11-09T09:00:00.000Z' } },
      { customerId: passport.customerId, kind: 'rejected', reference, about: { documentType: 'passport', reasonCode: 'ILLEGIBLE', message: 'Too blurry.' } },
    ]);
  });

  it('tells nothing of steps only staff see, nor of a withdrawal the customer made herself', async () => {
    const passport = aPassport();
    const { spec, issued } = notices();
    await spec.given(passport.events(approvedBy(passport.documentId, aReviewer('anna'), passportFacts()), withdrawnBy(passport.documentId, aCustomer(passport.customerId)))).projected();
    expect(issued.map((notice) => notice.kind)).toEqual(['received']);
  });

  it('tells an erased customer their erasure is complete', async () => {
    const { spec, issued } = notices();
    await spec.given(inStream(customerStream('C-erased'), { type: 'CustomerErasureCompleted', data: { customerId: 'C-erased', documents: 2, completedAt: '2031-11-24T03:00:00.000Z' } })).projected();
    expect(issued).toEqual([{ customerId: 'C-erased', kind: 'erased', reference: expect.stringMatching(/^K-[0-9A-F]{8}$/), about: {} }]);
  });

  it('does not mail customers about news older than a month, as a vault that starts issuing notices would', async () => {
    const passport = aPassport();
    const { spec, issued } = notices(() => new Date(Date.now() + 31 * DAY_MS));
    await spec.given(passport.events()).projected();
    expect(issued).toEqual([]);
  });
});
