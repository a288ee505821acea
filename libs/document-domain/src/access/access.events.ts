import type { DomainEvent } from '../domain-event';
import { eventReader } from '../upcasting/event-reader';
import type { UpcasterChain } from '../upcasting/upcaster-chain';

/*
 * What someone did with a customer's data, in an append-only stream per customer that the customer reads as their
 * access log: each read of their file, each refusal, each time a department's feed carried their news.
 */

export type AccessRole = 'reviewer' | 'department' | 'admin' | 'customer';

/** Whose data, who touched it in which role, and when: every access event carries these. */
export type AccessWitness = {
  customerId: string;
  by: string;
  role: AccessRole;
  department: string | null;
  at: string;
};

/** `purpose` is what a department stated it asked for; null when it stated none. */
export type EvidenceQueried = DomainEvent<'EvidenceQueried', AccessWitness & { kind: string; satisfied: boolean; documentId: string | null; purpose: string | null }>;

export type DocumentRead = DomainEvent<'DocumentRead', AccessWitness & { documentId: string; what: 'document' | 'history' }>;

export type DocumentContentRead = DomainEvent<'DocumentContentRead', AccessWitness & { documentId: string; purpose: string | null }>;

export type DocumentsListed = DomainEvent<'DocumentsListed', AccessWitness>;

/** `window` names the hour of refusals this one stands for: repeated attempts within it are counted, not recorded. */
export type AccessDenied = DomainEvent<'AccessDenied', AccessWitness & { action: string; documentId: string | null; status: number; window?: string }>;

export type BulkAccessBlocked = DomainEvent<'BulkAccessBlocked', AccessWitness & { distinctCustomers: number; limit: number }>;

export type PersonalDataExported = DomainEvent<'PersonalDataExported', AccessWitness & { format: 'json' | 'zip' }>;

export type DepartmentFeedRead = DomainEvent<'DepartmentFeedRead', AccessWitness>;

export type AccessEvent =
  | EvidenceQueried
  | DocumentRead
  | DocumentContentRead
  | DocumentsListed
  | AccessDenied
  | BulkAccessBlocked
  | PersonalDataExported
  | DepartmentFeedRead;
export type AccessEventType = AccessEvent['type'];

/** The schema version written for each access event today. Bump it together with an upcaster for the old one. */
export const ACCESS_EVENT_VERSIONS: Readonly<Record<AccessEventType, number>> = {
  EvidenceQueried: 1,
  DocumentRead: 1,
  DocumentContentRead: 1,
  DocumentsListed: 1,
  AccessDenied: 1,
  BulkAccessBlocked: 1,
  PersonalDataExported: 1,
  DepartmentFeedRead: 1,
};

/** Every step from an old access event schema to the next one; none yet, as no version was bumped. */
export const ACCESS_UPCASTERS: UpcasterChain = {};

export const ACCESS_STREAM_PREFIX = 'access-';
export const accessStream = (customerId: string) => `${ACCESS_STREAM_PREFIX}${customerId}`;

/** Turns a stored access event into today's shape; refuses what it does not know, loudly. */
export const readAccessEvent = eventReader<AccessEvent>(ACCESS_EVENT_VERSIONS, ACCESS_UPCASTERS);
