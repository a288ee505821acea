import type { Actor, DocumentOnFile } from '@kluis/document-domain';
import { sanitiseFilename } from './submit-document/sanitise-filename';
import { assuranceOf, chipVerdictView } from './chip-verdict.view';
import type { Viewer } from '../shared/access/viewer';

/** How an actor is named to a viewer: customers see roles, never staff names. */
export function nameFor(actor: Actor, viewer: Viewer): string {
  if (actor.kind === 'customer') return viewer === 'customer' ? 'you' : actor.id;
  if (viewer === 'customer') return actor.kind === 'staff' ? 'a reviewer' : `the ${actor.department ?? 'bank'} department`;
  return actor.id;
}

/** The document as the API promises it. No storage key, ever; the filename cleaned again, as older versions kept it as sent. */
export function documentView(state: DocumentOnFile, revision: number, viewer: Viewer) {
  return {
    id: state.documentId,
    customerId: state.customerId,
    type: state.type,
    status: state.status,
    file: { sha256: state.file.sha256, size: state.file.size, mediaType: state.file.mediaType, filename: sanitiseFilename(state.file.filename ?? undefined) },
    submittedAt: state.submittedAt,
    submittedBy: nameFor(state.submittedBy, viewer),
    channel: state.channel,
    relatedCustomerIds: [...state.relatedCustomerIds],
    reviewDueAt: state.reviewDueAt,
    facts: state.facts,
    expiresOn: state.validUntil,
    reviews: state.reviews.map((review) => ({
      decision: review.decision,
      by: nameFor(review.reviewer, viewer),
      at: review.at,
      reasonCode: review.reasonCode,
      message: review.message,
    })),
    rejection: state.rejection,
    claim: viewer === 'staff' && state.claim ? { by: state.claim.by.id, until: state.claim.until } : null,
    assurance: assuranceOf(state),
    chip: chipVerdictView(state, viewer),

    holderMismatch: viewer === 'staff' ? holderMismatchView(state) : null,
    revision,
  };
}

export type DocumentView = ReturnType<typeof documentView>;

/** For the review desk: which holder fields differ from the customer's verified identity, and who confirmed them. */
function holderMismatchView({ holderMismatch }: DocumentOnFile) {
  if (!holderMismatch) return null;
  const { fields, confirmation } = holderMismatch;
  return { fields: [...fields], confirmed: confirmation && { by: confirmation.by.id, reason: confirmation.reason, at: confirmation.at } };
}
