import type { CustomerRetentionEvent, DocumentEventType, DocumentRequestEvent, NoticeEventType } from '@kluis/document-domain';
import type { AccessRecord } from '../access/access-recorder';

/** Where a personal field sits in an event's data (dot-separated), and what the domain reads once it is erased. */
export interface PersonalField {
  readonly path: string;
  readonly absent: null | string | Readonly<Record<string, never>>;
}

type EventType = DocumentEventType | DocumentRequestEvent['type'] | CustomerRetentionEvent['type'] | AccessRecord['type'] | NoticeEventType;

const FREE_TEXT = (path: string): PersonalField => ({ path, absent: '' });
const STATED_PURPOSE: PersonalField = { path: 'purpose', absent: null };

/**
 * The events that carry personal data, and which of their fields do: names, document numbers, dates of birth and
 * every other fact read from a document, the customer's filename, and free text written about the customer (a
 * reviewer's message, why a department relies on or asks for a document and for which case, why a legal hold was
 * placed, why a document was revoked, why someone looked). Staff write free text as they like, so it can name the
 * customer or what they are involved in. These are sealed under the customer's key; everything else (ids, types,
 * hashes, dates of what happened) stays readable so the history keeps its shape after an erasure.
 */
export const PERSONAL_FIELDS: Readonly<Partial<Record<EventType, readonly PersonalField[]>>> = {
  DocumentSubmitted: [{ path: 'file.filename', absent: null }],
  DocumentReviewed: [
    { path: 'facts', absent: {} },
    { path: 'message', absent: null },
  ],
  DocumentVerified: [{ path: 'facts', absent: {} }],
  ChipReadingChecked: [{ path: 'facts', absent: {} }],
  HolderMismatchConfirmed: [FREE_TEXT('reason')],
  DocumentRejected: [FREE_TEXT('message')],
  DocumentRevoked: [FREE_TEXT('reason')],
  DocumentReferenced: [FREE_TEXT('purpose'), FREE_TEXT('caseRef')],
  DocumentRequested: [FREE_TEXT('purpose')],
  DocumentRequestJoined: [FREE_TEXT('purpose')],
  LegalHoldPlaced: [FREE_TEXT('reason'), FREE_TEXT('caseRef')],
  EvidenceQueried: [STATED_PURPOSE],
  DocumentContentRead: [STATED_PURPOSE],
  DocumentRequestSentToCustomer: [FREE_TEXT('message')],
  EscalationProposed: [FREE_TEXT('purpose')],
  EscalationConfirmed: [FREE_TEXT('purpose')],
  // What a notice is about (a rejection's wording, a department's purpose) and where it is mailed.
  NoticeIssued: [{ path: 'about', absent: {} }],
  ContactEmailSet: [{ path: 'email', absent: '' }],
};

/**
 * Reads are recorded about an erased customer too: a read that cannot be recorded is not served, and a department
 * may still ask whether an erased customer has evidence. With no key left to seal under, the purpose it stated is
 * left out of the record instead.
 */
const RECORDED_AFTER_ERASURE: ReadonlySet<string> = new Set<EventType>(['EvidenceQueried', 'DocumentContentRead']);

export const personalFieldsOf = (type: string): readonly PersonalField[] => PERSONAL_FIELDS[type as EventType] ?? [];

export const isRecordedAfterErasure = (type: string): boolean => RECORDED_AFTER_ERASURE.has(type);
