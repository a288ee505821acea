import type { AccessEventType } from '@kluis/document-domain';
import type { AccessLogEntry } from '@kluis/read-models';

/** What each access event says to the customer; a new access event type does not compile until it has its words. */
const WHAT: Readonly<Record<AccessEventType, string>> = {
  EvidenceQueried: 'checked whether a verified document is on file',
  DocumentRead: 'read a document\'s details',
  DocumentContentRead: 'downloaded a document',
  DocumentsListed: 'looked at the list of your documents',
  AccessDenied: 'tried to look at your documents and was refused',
  BulkAccessBlocked: 'was stopped for looking at too many customers',
  PersonalDataExported: 'downloaded a copy of everything the bank holds on you',
  DepartmentFeedRead: 'was told through its feed what happened to your documents',
};

/** Who, told the customer's way: a department by name, staff by role, never a colleague's or another customer's id. */
function who(entry: AccessLogEntry, customerId: string): string {
  if (entry.department) return `the ${entry.department} department`;
  if (entry.role === 'reviewer') return 'a reviewer';
  if (entry.role === 'admin') return 'support';
  if (entry.role === 'customer' && entry.by === customerId) return 'you';
  return 'someone else';
}

/** One line of a customer's access log, as the customer reads it. */
export const accessLogEntryView = (entry: AccessLogEntry, customerId: string) => ({
  at: entry.at,
  type: entry.type,
  who: who(entry, customerId),
  what: WHAT[entry.type as AccessEventType] ?? entry.type,
  purpose: entry.purpose,
  documentId: entry.documentId,
  ...(entry.attempts !== undefined ? { attempts: entry.attempts } : {}),
});
