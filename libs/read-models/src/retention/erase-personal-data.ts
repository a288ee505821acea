import type { Transaction } from 'kysely';
import type { ReadModelSchema } from '../database/read-model.schema';
import { eraseFreeTextAbout } from './erase-free-text';

type Trx = Transaction<ReadModelSchema>;

/**
 * Drops what says who the customer is from their document rows: facts, filename, the reviewer's message, why it was
 * revoked, and why and for which case departments relied on it. The rows stay, marked erased, so counts and dates
 * still add up. A whole customer's erasure also drops the free text in their requests and in what departments were
 * told.
 */
export async function erasePersonalData(trx: Trx, target: { documentId: string } | { customerId: string }, stamp: { revision?: number; updated_at: string }): Promise<void> {
  const documents = trx
    .updateTable('documents')
    .set({ ...stamp, status: 'erased', facts: null, filename: null, rejection: null, revocation: null, claimed_by: null, claim_expires_at: null });
  const references = trx.updateTable('document_references').set({ purpose: '', case_ref: '' });
  // An ask repeats the rejection's wording to the customer; it goes with the document it was written about.
  const asks = trx.updateTable('document_requests').set({ sent_after_rejection: null });
  if ('documentId' in target) {
    await documents.where('document_id', '=', target.documentId).execute();
    await references.where('document_id', '=', target.documentId).execute();
    await asks.where('sent_after_rejection', 'like', `%"documentId":"${target.documentId}"%`).execute();
    return;
  }
  await documents.where('customer_id', '=', target.customerId).execute();
  await references.where('customer_id', '=', target.customerId).execute();
  await asks.where('customer_id', '=', target.customerId).execute();
  await eraseFreeTextAbout(trx, target.customerId);
}

/** Nobody relies on an erased document any more; the departments were told before this. */
export async function releaseReferencesTo(trx: Trx, documentId: string, at: string): Promise<void> {
  await trx.updateTable('document_references').set({ released_at: at }).where('document_id', '=', documentId).where('released_at', 'is', null).execute();
}
