import type { PersonalFields } from '../aggregate';
import type { CustomerRetentionEvent } from './customer-retention.events';

/** Why a legal hold was placed, and for which case: free text that can name what the customer is involved in. */
export const CUSTOMER_RETENTION_PERSONAL_FIELDS: PersonalFields<CustomerRetentionEvent> = {
  CustomerRelationshipStarted: [],
  CustomerRelationshipEnded: [],
  LegalHoldPlaced: [
    { path: 'reason', absent: '' },
    { path: 'caseRef', absent: '' },
  ],
  LegalHoldLifted: [],
  CustomerErased: [],
  CustomerErasureCompleted: [],
};
