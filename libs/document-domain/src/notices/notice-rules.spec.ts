import { expiringSoonFor, noticeFor, noticeReference, reminderFor } from './notice-rules';

const documentId = '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c';
const staff = { id: 'anna', kind: 'staff' as const };

describe('what the customer is told', () => {
  it('gives a receipt for every document received, with its channel and review date', () => {
    const notice = noticeFor(
      {
        id: 'e-1',
        type: 'DocumentSubmitted',
        data: {
          documentId,
          customerId: 'C-1001',
          type: 'id-card',
          evidenceKind: 'identity',
          file: { blobKey: 'k', sha256: 'a'.repeat(64), size: 10, mediaType: 'application/pdf', filename: 'id.pdf' },
          channel: 'branch',
          relatedCustomerIds: [],
          submittedBy: staff,
          submittedAt: '2026-12-07T10:00:00.000Z',
          reviewDueAt: '2026-12-14T10:00:00.000Z',
        },
      },
      null,
    );
    expect(notice).toEqual({
      customerId: 'C-1001',
      kind: 'received',
      reference: 'K-3F2A1B0C',
      about: { documentType: 'id-card', channel: 'branch', reviewDueAt: '2026-12-14T10:00:00.000Z' },
      causedBy: 'e-1',
    });
    expect(JSON.stringify(notice)).not.toContain('id.pdf');
  });

  it('tells why a document was rejected, under the same reference as its receipt', () => {
    const notice = noticeFor(
      { id: 'e-2', type: 'DocumentRejected', data: { documentId, reasonCode: 'ILLEGIBLE', message: 'The photo is blurred', rejectedBy: staff, rejectedAt: '2026-12-08T10:00:00.000Z' } },
      { customerId: 'C-1001', type: 'id-card' },
    );
    expect(notice).toMatchObject({ kind: 'rejected', reference: noticeReference(documentId), about: { reasonCode: 'ILLEGIBLE', message: 'The photo is blurred' } });
  });

  it('tells of a revocation with the reason support gave', () => {
    const notice = noticeFor(
      { id: 'e-5', type: 'DocumentRevoked', data: { documentId, reason: 'Reported stolen', revokedBy: staff, revokedAt: '2026-12-08T10:00:00.000Z' } },
      { customerId: 'C-1001', type: 'passport' },
    );
    expect(notice).toMatchObject({ kind: 'revoked', about: { documentType: 'passport', message: 'Reported stolen' } });
  });

  it('says nothing about steps only staff see', () => {
    expect(noticeFor({ id: 'e-3', type: 'DocumentClaimed', data: { documentId, claimedBy: staff, claimedAt: '2026-12-08T10:00:00.000Z', until: '2026-12-08T10:30:00.000Z' } }, null)).toBeNull();
  });

  describe('asks', () => {
    const requestId = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
    const officer = { id: 'inv-officer-1', kind: 'department' as const };
    const asked = { requestId, customerId: 'C-1001', kind: 'identity' as const, department: 'investments', purpose: 'Opening investment account', dueBy: '2026-12-31', requestedBy: officer, requestedAt: '2026-12-07T10:00:00.000Z' };

    it('asks the customer when a department opens an ask', () => {
      expect(noticeFor({ id: 'e-10', type: 'DocumentRequested', data: asked }, null)).toMatchObject({ kind: 'requested', reference: noticeReference(requestId), about: { evidenceKind: 'identity', department: 'investments', dueBy: '2026-12-31' } });
    });

    it('asks her nothing while the ask waits on a document she already sent', () => {
      expect(noticeFor({ id: 'e-11', type: 'DocumentRequestAwaitingReview', data: { ...asked, documentId, reviewDueAt: '2026-12-14T10:00:00.000Z' } }, null)).toBeNull();
    });

    it('asks her once that document is rejected, with the reason, under the ask’s reference', () => {
      const sent = noticeFor(
        {
          id: 'e-12',
          type: 'DocumentRequestSentToCustomer',
          data: { requestId, customerId: 'C-1001', kind: 'identity', rejectedDocumentId: documentId, reasonCode: 'ILLEGIBLE', message: 'The photo is blurred', departments: ['investments', 'mortgages'], dueBy: '2026-12-31', sentAt: '2026-12-08T10:00:00.000Z' },
        },
        null,
      );
      expect(sent).toEqual({
        customerId: 'C-1001',
        kind: 'requested',
        reference: noticeReference(requestId),
        about: { evidenceKind: 'identity', department: 'investments, mortgages', reasonCode: 'ILLEGIBLE', message: 'The photo is blurred', dueBy: '2026-12-31' },
        causedBy: 'e-12',
      });
    });

    it('tells her when a second officer confirms an escalation, with the measure', () => {
      const escalated = noticeFor(
        {
          id: 'e-13',
          type: 'EscalationConfirmed',
          data: { requestId, customerId: 'C-1001', kind: 'identity', escalationId: 'x-1', department: 'investments', action: 'restrict-account', purpose: 'No ID after notice', confirmedBy: officer, confirmedAt: '2027-01-20T10:00:00.000Z' },
        },
        null,
      );
      expect(escalated).toEqual({
        customerId: 'C-1001',
        kind: 'escalated',
        reference: noticeReference(requestId),
        about: { evidenceKind: 'identity', department: 'investments', action: 'restrict-account', purpose: 'No ID after notice' },
        causedBy: 'e-13',
      });
    });
  });

  it('says nothing about a document it cannot place', () => {
    expect(noticeFor({ id: 'e-4', type: 'DocumentVerified', data: { documentId, facts: {}, validUntil: null, verifiedAt: '2026-12-08T10:00:00.000Z' } }, null)).toBeNull();
  });
});

describe('reminders', () => {
  const ask = { requestId: documentId, customerId: 'C-1001', kind: 'identity' as const, dueBy: '2026-12-20' };

  it('are not sent while the due date is far off', () => expect(reminderFor(ask, '2026-12-16', 3)).toBeNull());

  it('are sent once the due date is near', () => expect(reminderFor(ask, '2026-12-17', 3)).toMatchObject({ kind: 'reminder', about: { dueBy: '2026-12-20' }, causedBy: documentId }));

  it('are not sent once the due date has passed, nor for asks without one', () => {
    expect(reminderFor(ask, '2026-12-21', 3)).toBeNull();
    expect(reminderFor({ ...ask, dueBy: null }, '2026-12-17', 3)).toBeNull();
  });
});

describe('expiring soon', () => {
  const passport = { documentId, customerId: 'C-1001', type: 'passport' as const, validUntil: '2027-02-01' };

  it('is told once the end of validity is within the horizon', () =>
    expect(expiringSoonFor(passport, '2026-12-07', 60)).toMatchObject({ kind: 'expiring-soon', about: { documentType: 'passport', validUntil: '2027-02-01' }, causedBy: `${documentId}:2027-02-01` }));

  it('is not told while the end is further off, nor once it has passed', () => {
    expect(expiringSoonFor(passport, '2026-11-01', 60)).toBeNull();
    expect(expiringSoonFor(passport, '2027-02-02', 60)).toBeNull();
  });
});
