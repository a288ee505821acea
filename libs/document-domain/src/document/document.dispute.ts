import { addBusinessDays } from '../calendar';
import type { DocumentTypeCatalogue } from '../document-type-catalogue';
import type { DisputeFacts } from './document.commands';
import { DisputeByOthers, FactNotOnFile, NotDisputable } from './document.errors';
import type { DocumentEvent } from './document.events';
import type { DocumentOnFile } from './document.state';

/**
 * Only the customer can say the bank read her document wrong, and only facts the bank relies on: a verified document's.
 * The dispute sends it back to review within the type's review deadline, and nobody relies on its facts meanwhile.
 */
export function dispute(command: DisputeFacts, state: DocumentOnFile, { now, catalogue }: { readonly now: Date; readonly catalogue: DocumentTypeCatalogue }): DocumentEvent[] {
  if (command.by.kind !== 'customer' || command.by.id !== state.customerId) throw new DisputeByOthers();
  if (state.status !== 'verified') throw new NotDisputable(state.status);
  const unknown = command.fields.filter((field) => !Object.hasOwn(state.facts ?? {}, field));
  if (unknown.length > 0) throw new FactNotOnFile(unknown);
  return [
    {
      type: 'DocumentDisputed',
      data: {
        documentId: state.documentId,
        customerId: state.customerId,
        fields: [...new Set(command.fields)],
        message: command.message,
        disputedBy: command.by,
        disputedAt: now.toISOString(),
        reviewDueAt: addBusinessDays(now, catalogue[state.type].reviewSlaBusinessDays).toISOString(),
      },
    },
  ];
}
