import { type DocumentEvent, type HolderField, readDocumentEvent } from '@kluis/document-domain';
import type { RecordedEvent } from '@kluis/event-store';
import { nameFor } from '../document.view';
import type { Viewer } from '../../shared/access/viewer';

export interface TimelineEntry {
  readonly type: string;
  readonly at: string;
  readonly by: string;
  readonly summary: string;
}

export const TYPE_NAMES: Record<string, string> = {
  passport: 'passport',
  'id-card': 'ID card',
  'residence-permit': 'residence permit',
  'driving-licence': 'driving licence',
  'notarial-power-of-attorney': 'notarial power of attorney',
  'notarial-deed': 'notarial deed',
  'proof-of-address': 'proof of address',
  'chamber-of-commerce-extract': 'Chamber of Commerce extract',
};

const HOLDER_FIELD_NAMES: Record<HolderField, string> = { holderName: 'name', dateOfBirth: 'date of birth' };
const holderFields = (fields: readonly HolderField[]) => fields.map((field) => HOLDER_FIELD_NAMES[field]).join(' and ');

function entry(event: DocumentEvent, viewer: Viewer): TimelineEntry {
  switch (event.type) {
    case 'DocumentSubmitted': {
      const { data } = event;
      return { type: event.type, at: data.submittedAt, by: nameFor(data.submittedBy, viewer), summary: `Received ${data.channel === 'online' ? 'online' : `by ${data.channel}`} as a ${TYPE_NAMES[data.type]}` };
    }
    case 'DocumentHeldForScan':
      return { type: event.type, at: event.data.heldAt, by: 'Kluis', summary: 'Being checked: it goes to a reviewer once the malware scan has checked it' };
    case 'DocumentScanCleared':
      return { type: event.type, at: event.data.clearedAt, by: 'Kluis', summary: 'The malware scan found nothing: waiting for a reviewer' };
    case 'DocumentFoundInfected': {
      // Staff see what the scanner named; the customer reads what to do about it.
      const summary = viewer === 'customer' ? `Not accepted: ${event.data.message}` : `Not accepted: the malware scan found ${event.data.signature}; the file was removed`;
      return { type: event.type, at: event.data.foundAt, by: 'Kluis', summary };
    }
    case 'ChipReadingChecked': {
      const { data } = event;
      const summary = !data.passed
        ? `The chip reading failed passive authentication (${data.failureCode}): kept for a reviewer, never evidence`
        : data.holderCheck === 'mismatch'
          ? 'The chip passed passive authentication, but its holder differs from the verified identity on file: waiting for a reviewer'
          : `The chip passed passive authentication (signed under ${data.csca})`;
      return { type: event.type, at: data.checkedAt, by: 'Kluis', summary };
    }
    case 'DocumentClaimed': {
      const by = nameFor(event.data.claimedBy, viewer);
      return { type: event.type, at: event.data.claimedAt, by, summary: viewer === 'customer' ? 'A reviewer started checking it' : `Taken for review by ${by} until ${event.data.until}` };
    }
    case 'DocumentClaimReleased': {
      const by = nameFor(event.data.releasedBy, viewer);
      return { type: event.type, at: event.data.releasedAt, by, summary: viewer === 'customer' ? 'Back in the queue for a reviewer' : `Released by ${by}` };
    }
    case 'DocumentExpired':
      return { type: event.type, at: event.data.expiredAt, by: 'Kluis', summary: `Expired: it was valid until ${event.data.validUntil}. It stays on file.` };
    case 'DocumentReferenced': {
      const { department, purpose, referencedAt, referencedBy } = event.data;
      return { type: event.type, at: referencedAt, by: nameFor(referencedBy, viewer), summary: `The ${department} department relies on it: ${purpose}` };
    }
    case 'ReferenceReleased':
      return { type: event.type, at: event.data.releasedAt, by: nameFor(event.data.releasedBy, viewer), summary: `The ${event.data.department} department no longer relies on it` };
    case 'DocumentRevoked':
      return { type: event.type, at: event.data.revokedAt, by: nameFor(event.data.revokedBy, viewer), summary: `Revoked: ${event.data.reason}` };
    case 'DocumentReviewed': {
      const { data } = event;
      const by = nameFor(data.reviewer, viewer);
      const summary = data.decision === 'approve' ? `Approved by ${by}` : `Rejected by ${by} (${data.reasonCode}): ${data.message}`;
      return { type: event.type, at: data.reviewedAt, by, summary };
    }
    case 'HolderMismatchFound': {
      const differing = holderFields(event.data.fields);
      const whose = viewer === 'customer' ? 'your' : "the customer's";
      return { type: event.type, at: event.data.foundAt, by: 'Kluis', summary: `Held for a second reviewer: the ${differing} differ from ${whose} verified identity document` };
    }
    case 'HolderMismatchConfirmed': {
      const { fields, reason, confirmedBy, confirmedAt } = event.data;
      const by = nameFor(confirmedBy, viewer);
      const summary = viewer === 'customer' ? `A second reviewer confirmed it is yours, although the ${holderFields(fields)} differ: ${reason}` : `Holder confirmed by ${by} although the ${holderFields(fields)} differ: ${reason}`;
      return { type: event.type, at: confirmedAt, by, summary };
    }
    case 'DocumentVerified':
      return { type: event.type, at: event.data.verifiedAt, by: 'Kluis', summary: event.data.validUntil ? `Verified, valid until ${event.data.validUntil}` : 'Verified' };
    case 'DocumentRejected':
      return { type: event.type, at: event.data.rejectedAt, by: nameFor(event.data.rejectedBy, viewer), summary: `Not accepted: ${event.data.message}` };
    case 'DocumentWithdrawn':
      return { type: event.type, at: event.data.withdrawnAt, by: nameFor(event.data.withdrawnBy, viewer), summary: 'Withdrawn' };
    case 'DocumentDisputed': {
      // Her words are for the reviewer who looks again; a department learns which facts are in doubt, not why.
      const { fields, message, disputedBy, disputedAt } = event.data;
      const why = viewer === 'department' ? '' : `: ${message}`;
      return { type: event.type, at: disputedAt, by: nameFor(disputedBy, viewer), summary: `Disputed (${fields.join(', ')})${why}. Back with a reviewer; nobody relies on its facts until then` };
    }
    case 'DocumentErased':
      return { type: event.type, at: event.data.erasedAt, by: 'Kluis', summary: event.data.reason === 'retention-ended' ? 'Erased: the legal retention period ended' : 'Erased at your request' };
  }
}

/** The encryption layer names, in `metadata.erased`, the personal fields an erased customer's event has lost. */
const lostPersonalData = (recorded: RecordedEvent) => Array.isArray(recorded.metadata.erased) && recorded.metadata.erased.length > 0;

/**
 * A document's events told for people, in order. Customers see roles where staff see names. An event whose personal
 * details were erased keeps its place and says so, rather than showing blanks.
 */
export const documentTimeline = (events: readonly RecordedEvent[], viewer: Viewer): TimelineEntry[] =>
  events.map((recorded) => {
    const told = entry(readDocumentEvent(recorded.type, recorded.version, recorded.data), viewer);
    return lostPersonalData(recorded) ? { ...told, summary: `${told.summary.replace(/:\s*$/, '')} (personal details erased)` } : told;
  });
