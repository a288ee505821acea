import type { Facts, KnownHolder } from '@kluis/document-domain';
import type { ReadModelDatabase } from '../database/open-read-model-database';

/**
 * Who the customer is, as their verified identity documents say. An expired one still names its holder, so it
 * counts: waiting for the customer's own passport to lapse must not open the file to a stranger's.
 */
export async function knownHolders(db: ReadModelDatabase, customerId: string): Promise<KnownHolder[]> {
  const rows = await db
    .selectFrom('documents')
    .select('facts')
    .where('customer_id', '=', customerId)
    .where('evidence_kind', '=', 'identity')
    .where('status', 'in', ['verified', 'expired'])
    .execute();
  return rows.flatMap((row) => {
    const facts = row.facts ? (JSON.parse(row.facts) as Facts) : {};
    return facts.holderName && facts.dateOfBirth ? [{ holderName: facts.holderName, dateOfBirth: facts.dateOfBirth }] : [];
  });
}
