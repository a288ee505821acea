import type { DocumentSummary } from '@kluis/read-models';
import { isExpiringSoon } from './expiring-soon';

export interface ListContext {
  readonly now: Date;
  readonly expiryHorizonDays: number;
}

/** A document in a list: enough to see where it stands, without the facts. */
export const documentSummaryView = (summary: DocumentSummary, context: ListContext) => ({
  id: summary.id,
  customerId: summary.customerId,
  type: summary.type,
  status: summary.status,
  file: summary.file,
  channel: summary.channel,
  submittedAt: summary.submittedAt,
  expiresOn: summary.expiresOn,
  expiringSoon: isExpiringSoon(summary, context.now, context.expiryHorizonDays),
  rejection: summary.rejection,
  revision: summary.revision,
});
