import type { CustomerRetentionState } from '@kluis/document-domain';
import type { Response } from 'express';
import { setEtag } from '../shared/http/etag';
import { retentionView } from './retention.view';

/** What support is answered after changing a customer's retention: where it stands now, with its revision as ETag. */
export function retentionAnswer(response: Response, customerId: string, outcome: { readonly state: CustomerRetentionState; readonly revision: number }) {
  setEtag(response, outcome.revision);
  return retentionView(customerId, outcome.state, outcome.revision);
}
