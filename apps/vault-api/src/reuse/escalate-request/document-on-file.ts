import type { DocumentType } from '@kluis/document-domain';
import { findEvidence, findPendingEvidence, type ReadModelDatabase } from '@kluis/read-models';

/** Whether a document of these types is verified and valid today, or in review: then nobody acts against the customer. */
export async function documentOnFile(db: ReadModelDatabase, customerId: string, types: readonly DocumentType[], now: Date): Promise<boolean> {
  const verified = await findEvidence(db, customerId, types, now.toISOString().slice(0, 10));
  return verified !== null || (await findPendingEvidence(db, customerId, types)) !== null;
}
