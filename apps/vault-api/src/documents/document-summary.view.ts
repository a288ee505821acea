import type { DocumentSummary } from '@kluis/read-models';

/** A document in a list: enough to see where it stands, without the facts. */
export const documentSummaryView = (summary: DocumentSummary) => ({
  id: summary.id,
  customerId: summary.customerId,
  type: summary.type,
  status: summary.status,
  file: summary.file,
  channel: summary.channel,
  submittedAt: summary.submittedAt,
  expiresOn: summary.expiresOn,
  rejection: summary.rejection,
  revision: summary.revision,
});
