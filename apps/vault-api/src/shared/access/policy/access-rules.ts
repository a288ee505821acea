import type { Role, Scope } from '@kluis/auth';
import type { Action } from './action';

/**
 * Who may attempt an action: a role, or a department holding a scope (in its token and in its department's policy).
 * Any one grant is enough.
 */
export type Grant = Exclude<Role, 'department'> | `department:${Scope}`;

export interface AccessRule {
  readonly grants: readonly Grant[];
  /** What a caller holding none of the grants is told; it depends on who asks, never on what exists. */
  readonly refusal: string;
}

/**
 * The one table of who may do what. It is checked before anything is looked up, so a refusal here is a 403 that
 * reveals nothing. Whose file it is, and which document types a department may see, is decided afterwards on the
 * loaded state (see customer-file-access.ts).
 */
export const ACCESS_RULES: Readonly<Record<Action, AccessRule>> = {
  'document.submit': { grants: ['customer', 'reviewer', 'department:documents:write'], refusal: 'Your role may not submit documents here.' },
  // A chip is read by the customer's own app or at the bank's desk, never filed by a department.
  'document.chip-reading': { grants: ['customer', 'reviewer'], refusal: 'Your role may not file chip readings here.' },
  'document.list': { grants: ['customer', 'reviewer', 'department:evidence:read'], refusal: 'Your role may not list documents here.' },
  'document.read': { grants: ['customer', 'reviewer', 'department:evidence:read'], refusal: 'Your role may not read documents here.' },
  'document.content': { grants: ['customer', 'reviewer', 'department:content:read'], refusal: 'Your role may not download documents here.' },
  'document.history': { grants: ['customer', 'reviewer'], refusal: "Your role may not read a document's history here." },
  'document.withdraw': { grants: ['customer', 'reviewer'], refusal: 'Your role may not withdraw documents here.' },
  // The customer's own word on her own file; staff who find facts wrong review or revoke instead.
  'document.dispute': { grants: ['customer'], refusal: 'Only the customer disputes the facts of her documents.' },
  'document.reference': { grants: ['department:references:write'], refusal: 'Only departments with references:write rely on documents.' },
  // Revoking is support's: an admin may do it to any document, and nobody else may do it at all.
  'document.revoke': { grants: ['admin'], refusal: 'Only support revokes documents.' },
  'document.review': { grants: ['reviewer'], refusal: 'Only reviewers review documents.' },
  'document.claim': { grants: ['reviewer'], refusal: 'Only reviewers claim documents.' },
  'review.queue': { grants: ['reviewer'], refusal: 'Only reviewers see the review queue.' },
  'evidence.query': { grants: ['reviewer', 'department:evidence:read'], refusal: 'Only departments with evidence:read ask for evidence.' },
  'request.create': { grants: ['department:requests:write'], refusal: 'Only departments with requests:write ask customers for documents.' },
  'request.read': {
    grants: ['customer', 'reviewer', 'department:requests:write', 'department:evidence:read'],
    refusal: 'Your role may not see what the bank asks of customers.',
  },
  'request.escalate': { grants: ['department:requests:write'], refusal: 'Only departments with requests:write escalate their asks.' },
  'feed.read': { grants: ['department:evidence:read'], refusal: 'The feed is for departments with evidence:read.' },
  'me.documents': { grants: ['customer'], refusal: 'Only customers have their own documents.' },
  'me.access-log': { grants: ['customer'], refusal: 'Only customers have an access log of their own.' },
  'me.export': { grants: ['customer'], refusal: 'Only customers have data of their own to export.' },
  'me.notices': { grants: ['customer'], refusal: 'Only customers have an inbox of their own.' },
  'me.contact': { grants: ['customer'], refusal: 'Only customers have contact details of their own.' },
  'me.erasure': { grants: ['customer'], refusal: 'Only a customer can ask for their own erasure.' },
  'retention.manage': { grants: ['admin'], refusal: "Only support manages a customer's retention." },
  'admin.bulk-blocks': { grants: ['admin'], refusal: 'Only administrators manage bulk-access blocks.' },
  'admin.identity-number-conflicts': { grants: ['admin'], refusal: 'Only administrators see identity-number conflicts.' },
  'admin.webhook-dead-letters': { grants: ['admin'], refusal: 'Only administrators handle webhook dead letters.' },
  'admin.undelivered-notices': { grants: ['admin'], refusal: 'Only administrators see undelivered notices.' },
};
