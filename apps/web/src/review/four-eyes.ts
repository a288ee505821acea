import type { VaultDocument } from '../api/types';

export type FourEyesState =
  | { readonly kind: 'not-needed' }
  | { readonly kind: 'needs-two' }
  | { readonly kind: 'first-approval'; readonly by: string; readonly byYou: boolean }
  | { readonly kind: 'closed' };

/** Where a document stands in its two-approval review, as the reviewer looking at it should read it. */
export function fourEyesState(document: Pick<VaultDocument, 'status' | 'reviews'>, fourEyes: boolean, reviewer: string): FourEyesState {
  if (!fourEyes) return { kind: 'not-needed' };
  if (document.status === 'pending_review') return { kind: 'needs-two' };
  if (document.status !== 'awaiting_second_review') return { kind: 'closed' };
  const first = document.reviews.find((review) => review.decision === 'approve');
  return first ? { kind: 'first-approval', by: first.by, byYou: first.by === reviewer } : { kind: 'needs-two' };
}

/** Two approvals: the type's policy asks for them, or the holder differs from the customer's verified identity. */
export const needsTwoApprovals = (document: Pick<VaultDocument, 'holderMismatch'>, fourEyesPolicy: boolean) => fourEyesPolicy || Boolean(document.holderMismatch);

export const isReviewable = (status: VaultDocument['status']) => status === 'pending_review' || status === 'awaiting_second_review';

/** The fixed purpose a reviewer states to read the file; the vault records it in the customer's access log. */
export const REVIEW_PURPOSE = 'Verification review';
