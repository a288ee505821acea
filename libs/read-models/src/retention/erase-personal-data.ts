import type { Transaction } from 'kysely';
import type { ReadModelSchema } from '../database/read-model.schema';

type Trx = Transaction<ReadModelSchema>;

/**
 * Drops what says who the customer is from their document rows: facts, filename, the reviewer's message. The row
 * stays, marked erased, so counts and dates still add up.
 */
export async function erasePersonalData(trx: Trx, target: { documentId: string } | { customerId: string }, stamp: { revision?: number; updated_at: string }): Promise<void> {
  const documents = trx.updateTable('documents').set({ ...stamp, status: 'erased', facts: null, filename: null, rejection: null, claimed_by: null, claim_expires_at: null });
  await ('documentId' in target ? documents.where('document_id', '=', target.documentId) : documents.where('customer_id', '=', target.customerId)).execute();
}

/** Nobody relies on an erased document any more; the departments were told before this. */
export async function releaseReferencesTo(trx: Trx, documentId: string, at: string): Promise<void> {
  await trx.updateTable('document_references').set({ released_at: at }).where('document_id', '=', documentId).where('released_at', 'is', null).execute();
}
