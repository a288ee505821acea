/**
 * Everything a caller can ask the vault to do, one name per act. Every route names the action it performs with
 * `@Requires(...)`, and the rule table says who may do each.
 */
export const ACTIONS = [
  'document.submit',
  'document.chip-reading',
  'document.list',
  'document.read',
  'document.content',
  'document.history',
  'document.withdraw',
  'document.dispute',
  'document.reference',
  'document.revoke',
  'document.review',
  'document.claim',
  'review.queue',
  'evidence.query',
  'request.create',
  'request.read',
  'request.escalate',
  'feed.read',
  'me.documents',
  'me.access-log',
  'me.export',
  'me.notices',
  'me.contact',
  'me.erasure',
  'retention.manage',
  'admin.bulk-blocks',
  'admin.identity-number-conflicts',
  'admin.webhook-dead-letters',
  'admin.undelivered-notices',
] as const;

export type Action = (typeof ACTIONS)[number];
