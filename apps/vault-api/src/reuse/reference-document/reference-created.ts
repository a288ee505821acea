import type { DocumentEvent } from '@kluis/document-domain';

export interface ReferenceCreated {
  readonly id: string;
  readonly department: string;
  readonly purpose: string;
  readonly caseRef: string;
  readonly createdAt: string;
}

/** The reference a department is answered with, as the document recorded it. */
export function referenceCreated(events: readonly DocumentEvent[]): ReferenceCreated {
  const referenced = events.find((event) => event.type === 'DocumentReferenced');
  if (referenced?.type !== 'DocumentReferenced') throw new Error('a reference must record DocumentReferenced');
  const { referenceId, department, purpose, caseRef, referencedAt } = referenced.data;
  return { id: referenceId, department, purpose, caseRef, createdAt: referencedAt };
}
