import type { DocumentEventType } from '@kluis/document-domain';

/** Where a personal field sits in an event's data (dot-separated), and what the domain reads once it is erased. */
export interface PersonalField {
  readonly path: string;
  readonly absent: null | string | Readonly<Record<string, never>>;
}

/**
 * The events that carry personal data, and which of their fields do: names, document numbers, dates of birth and
 * every other fact read from a document, the customer's filename, and free text written about the customer. These
 * are sealed under the customer's key; everything else (ids, types, hashes, dates of what happened) stays readable
 * so the history keeps its shape after an erasure. Events not listed here, such as the access log, carry none.
 */
export const PERSONAL_FIELDS: Readonly<Partial<Record<DocumentEventType, readonly PersonalField[]>>> = {
  DocumentSubmitted: [{ path: 'file.filename', absent: null }],
  DocumentReviewed: [
    { path: 'facts', absent: {} },
    { path: 'message', absent: null },
  ],
  DocumentVerified: [{ path: 'facts', absent: {} }],
  DocumentRejected: [{ path: 'message', absent: '' }],
  DocumentRevoked: [{ path: 'reason', absent: '' }],
};

export const personalFieldsOf = (type: string): readonly PersonalField[] => PERSONAL_FIELDS[type as DocumentEventType] ?? [];
