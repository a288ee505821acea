import type { Review } from '../api/types';
import { fourEyesState, needsTwoApprovals } from './four-eyes';

const approval = (by: string): Review => ({ decision: 'approve', by, at: '2026-05-04T09:00:00Z', reasonCode: null, message: null });

describe('the four-eyes state a reviewer sees', () => {
  it('asks for two approvals before the first', () => {
    expect(fourEyesState({ status: 'pending_review', reviews: [] }, true, 'anna')).toEqual({ kind: 'needs-two' });
  });

  it('names the first approver and tells them when it was them', () => {
    const awaiting = { status: 'awaiting_second_review' as const, reviews: [approval('anna')] };
    expect(fourEyesState(awaiting, true, 'anna')).toEqual({ kind: 'first-approval', by: 'anna', byYou: true });
    expect(fourEyesState(awaiting, true, 'bram')).toEqual({ kind: 'first-approval', by: 'anna', byYou: false });
  });

  it('says nothing for single-review types or once the review is over', () => {
    expect(fourEyesState({ status: 'pending_review', reviews: [] }, false, 'anna')).toEqual({ kind: 'not-needed' });
    expect(fourEyesState({ status: 'verified', reviews: [approval('anna'), approval('bram')] }, true, 'anna')).toEqual({ kind: 'closed' });
  });
});

describe('when a document needs two approvals', () => {
  it('follows the type, and holds any document whose holder differs from the verified identity', () => {
    expect(needsTwoApprovals({ holderMismatch: null }, true)).toBe(true);
    expect(needsTwoApprovals({ holderMismatch: null }, false)).toBe(false);
    expect(needsTwoApprovals({ holderMismatch: { fields: ['holderName'], confirmed: null } }, false)).toBe(true);
  });
});
