import type { ReadModelDatabase } from '../database/open-read-model-database';

/** Documents held until the malware scanner can check them, longest-waiting first: the rescan's work list. */
export async function documentsPendingScan(db: ReadModelDatabase, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('documents')
    .select('document_id')
    .where('status', '=', 'pending_scan')
    .orderBy('submitted_at')
    .orderBy('document_id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.document_id);
}

export async function countPendingScan(db: ReadModelDatabase): Promise<number> {
  const row = await db.selectFrom('documents').select((eb) => eb.fn.countAll<number | string>().as('held')).where('status', '=', 'pending_scan').executeTakeFirstOrThrow();
  // PostgreSQL returns counts as strings.
  return Number(row.held);
}
