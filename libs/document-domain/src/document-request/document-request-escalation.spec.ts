import { specFor } from '../testing';
import { documentRequestDecider, type DocumentRequestEvent, type ProposeEscalation } from '.';
import type { RequestNotice } from './document-request-escalation';
import { EscalationNeedsSecondOfficer, EscalationNotFound, EscalationRefused } from './document-request.errors';

const now = new Date('2027-01-20T10:00:00.000Z');
const given = specFor(documentRequestDecider, () => ({ now }));
const officer = { id: 'inv-officer-1', kind: 'department' as const, department: 'investments' };
const secondOfficer = { id: 'inv-officer-2', kind: 'department' as const, department: 'investments' };

const requested: DocumentRequestEvent = {
  type: 'DocumentRequested',
  data: { requestId: 'r-1', customerId: 'C-1001', kind: 'identity', department: 'investments', purpose: 'Opening an investment account', dueBy: '2027-01-10', requestedBy: officer, requestedAt: '2026-12-07T09:00:00.000Z' },
};
const delivered = (topic: string, sentAt: string): RequestNotice => ({ noticeId: `n-${topic}`, topic, channel: 'email', sentAt, deliveredAt: sentAt });
const properNotice = [delivered('requested', '2026-12-07T09:01:00.000Z'), delivered('reminder', '2027-01-05T09:00:00.000Z')];

const propose = (notices: readonly RequestNotice[], documentOnFile = false): ProposeEscalation => ({
  type: 'ProposeEscalation',
  requestId: 'r-1',
  escalationId: 'e-1',
  department: 'investments',
  action: 'restrict-account',
  purpose: 'No valid ID on file after repeated notice',
  by: officer,
  facts: { documentOnFile, notices, noticeDays: 14 },
});

const refusedFields = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof EscalationRefused) return error.fieldErrors().map((entry) => entry.field);
    throw error;
  }
  throw new Error('the escalation was not refused');
};

describe('escalating an ask: never without proper notice', () => {
  it('is recorded, awaiting a second officer, once every condition holds', () =>
    given(requested)
      .when(propose(properNotice))
      .then([
        {
          type: 'EscalationProposed',
          data: { requestId: 'r-1', customerId: 'C-1001', kind: 'identity', escalationId: 'e-1', department: 'investments', action: 'restrict-account', purpose: 'No valid ID on file after repeated notice', proposedBy: officer, proposedAt: now.toISOString() },
        },
      ]));

  it('names every reason at once when nothing holds', () => {
    const early = new Date('2026-12-08T10:00:00.000Z');
    const fields = refusedFields(() => documentRequestDecider.decide({ ...propose([], true), requestId: 'r-other' }, [requested].reduce(documentRequestDecider.evolve, documentRequestDecider.initialState), { now: early }));
    expect(fields).toEqual(['status', 'documents', 'dueBy', 'notices', 'noticePeriod']);
  });

  it('refuses while the ask and a reminder are sent but delivery of the reminder is not recorded', () => {
    const undelivered = [properNotice[0], { ...properNotice[1], deliveredAt: null }];
    given(requested).when(propose(undelivered)).thenThrows(EscalationRefused, ['notices']);
  });

  it('refuses before the notice period since the first notice has run out', () => {
    const late = [delivered('requested', '2027-01-12T09:00:00.000Z'), delivered('reminder', '2027-01-15T09:00:00.000Z')];
    given(requested).when(propose(late)).thenThrows(EscalationRefused, ['noticePeriod']);
  });

  it('counts the notice period from the first notice delivered, not from one issued that never reached the customer', () => {
    const inboxOnly = { ...delivered('requested', '2026-12-01T09:00:00.000Z'), deliveredAt: null };
    const late = [inboxOnly, delivered('requested', '2027-01-12T09:00:00.000Z'), delivered('reminder', '2027-01-15T09:00:00.000Z')];
    given(requested).when(propose(late)).thenThrows(EscalationRefused, ['noticePeriod']);
  });

  it('refuses while a document of the kind is in review or verified', () => given(requested).when(propose(properNotice, true)).thenThrows(EscalationRefused, ['documents']));

  it('refuses before the due date and on the due date itself', () => {
    const dueToday: DocumentRequestEvent = { ...requested, data: { ...requested.data, dueBy: '2027-01-20' } } as DocumentRequestEvent;
    given(dueToday).when(propose(properNotice)).thenThrows(EscalationRefused, ['dueBy']);
  });

  describe('four eyes', () => {
    const proposed: DocumentRequestEvent = {
      type: 'EscalationProposed',
      data: { requestId: 'r-1', customerId: 'C-1001', kind: 'identity', escalationId: 'e-1', department: 'investments', action: 'restrict-account', purpose: 'No ID', proposedBy: officer, proposedAt: now.toISOString() },
    };
    const confirm = (by: typeof officer, department = 'investments') => ({ type: 'ConfirmEscalation' as const, requestId: 'r-1', escalationId: 'e-1', department, by, documentOnFile: false });

    it('is confirmed by a second officer of the same department', () =>
      given(requested, proposed)
        .when(confirm(secondOfficer))
        .then([
          {
            type: 'EscalationConfirmed',
            data: { requestId: 'r-1', customerId: 'C-1001', kind: 'identity', escalationId: 'e-1', department: 'investments', action: 'restrict-account', purpose: 'No ID', confirmedBy: secondOfficer, confirmedAt: now.toISOString() },
          },
        ]));

    it('is not confirmed once the customer has sent a document of the kind', () =>
      given(requested, proposed).when({ ...confirm(secondOfficer), documentOnFile: true }).thenThrows(EscalationRefused, ['documents']));

    it('is never confirmed by the officer who proposed it', () => given(requested, proposed).when(confirm(officer)).thenThrows(EscalationNeedsSecondOfficer));

    it('is not found by another department', () => given(requested, proposed).when(confirm({ ...secondOfficer, department: 'mortgages' }, 'mortgages')).thenThrows(EscalationNotFound));
  });
});
