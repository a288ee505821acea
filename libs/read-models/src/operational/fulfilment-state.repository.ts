import type { FulfilmentDocumentsTable, FulfilmentOpenRequestsTable } from './operational.schema';
import type { OperationalDatabase } from './operational-database';

/*
 * The request fulfilment process manager's memory: documents of an evidence kind and where they stand, and the one
 * open ask per customer and kind. Written in the transaction that moves its checkpoint, so it replays exactly.
 */

export type FulfilmentDocument = FulfilmentDocumentsTable;
export type FulfilmentAsk = FulfilmentOpenRequestsTable;

/** Notes a submitted document as pending; a replay of its submission changes nothing. */
export async function rememberFulfilmentDocument(db: OperationalDatabase, document: Omit<FulfilmentDocument, 'status' | 'valid_until'>): Promise<void> {
  await db
    .insertInto('fulfilment_documents')
    .values({ ...document, status: 'pending', valid_until: null })
    .onConflict((conflict) => conflict.column('document_id').doNothing())
    .execute();
}

export async function findFulfilmentDocument(db: OperationalDatabase, documentId: string): Promise<FulfilmentDocument | undefined> {
  return db.selectFrom('fulfilment_documents').selectAll().where('document_id', '=', documentId).executeTakeFirst();
}

/** Sets where the document stands, and how long it is valid when `validUntil` is given. */
export async function setFulfilmentDocumentStatus(db: OperationalDatabase, documentId: string, status: string, validUntil?: string | null): Promise<void> {
  await db
    .updateTable('fulfilment_documents')
    .set(validUntil === undefined ? { status } : { status, valid_until: validUntil })
    .where('document_id', '=', documentId)
    .execute();
}

/** The customer's verified documents of the kind still valid on a day; whether one outlasts an ask is the domain's rule. */
export async function verifiedFulfilmentDocuments(
  db: OperationalDatabase,
  customerId: string,
  kind: string,
  validOn: string,
): Promise<Pick<FulfilmentDocument, 'document_id' | 'valid_until'>[]> {
  return db
    .selectFrom('fulfilment_documents')
    .select(['document_id', 'valid_until'])
    .where('customer_id', '=', customerId)
    .where('kind', '=', kind)
    .where('status', '=', 'verified')
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', validOn)]))
    .execute();
}

export async function findOpenAsk(db: OperationalDatabase, customerId: string, kind: string): Promise<Pick<FulfilmentAsk, 'request_id' | 'due_by'> | undefined> {
  return db.selectFrom('fulfilment_open_requests').select(['request_id', 'due_by']).where('customer_id', '=', customerId).where('kind', '=', kind).executeTakeFirst();
}

/** Opens the customer's ask for the kind, or moves it to a newer round. */
export async function openAsk(db: OperationalDatabase, ask: FulfilmentAsk): Promise<void> {
  await db
    .insertInto('fulfilment_open_requests')
    .values(ask)
    .onConflict((conflict) => conflict.columns(['customer_id', 'kind']).doUpdateSet({ request_id: ask.request_id, due_by: ask.due_by }))
    .execute();
}

/** Closes the ask, unless a newer round has taken its place. */
export async function closeAsk(db: OperationalDatabase, ask: Omit<FulfilmentAsk, 'due_by'>): Promise<void> {
  await db.deleteFrom('fulfilment_open_requests').where('customer_id', '=', ask.customer_id).where('kind', '=', ask.kind).where('request_id', '=', ask.request_id).execute();
}

/** Open asks the customer was sent (not those waiting on a document in review) that fall due from `from` to `to`. */
export async function sentAsksDueBetween(db: OperationalDatabase, from: string, to: string): Promise<FulfilmentAsk[]> {
  return db
    .selectFrom('fulfilment_open_requests as ask')
    .innerJoin('document_requests as request', 'request.request_id', 'ask.request_id')
    .select(['ask.request_id', 'ask.customer_id', 'ask.kind', 'ask.due_by'])
    .where('request.status', '=', 'open')
    .where('ask.due_by', '>=', from)
    .where('ask.due_by', '<=', to)
    .execute();
}

/** Empties the process manager's memory, for a rebuild from zero. */
export async function forgetFulfilmentState(db: OperationalDatabase): Promise<void> {
  await db.deleteFrom('fulfilment_open_requests').execute();
  await db.deleteFrom('fulfilment_documents').execute();
}
