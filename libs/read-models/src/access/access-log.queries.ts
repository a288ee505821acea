import type { ReadModelDatabase } from '../database/open-read-model-database';
import { accessWindowCounts } from './access-windows.queries';

export interface AccessLogEntry {
  readonly position: number;
  readonly type: string;
  readonly by: string;
  readonly role: string;
  readonly department: string | null;
  readonly purpose: string | null;
  readonly documentId: string | null;
  readonly at: string;
  readonly detail: Record<string, unknown>;
  /** For an entry that stands for repeated attempts: how many there were in its window. */
  readonly attempts?: number;
}

/** A customer's access log, newest first, strictly before `before` when given. */
export async function accessLog(db: ReadModelDatabase, customerId: string, options: { before?: number; limit: number }): Promise<AccessLogEntry[]> {
  let query = db.selectFrom('access_log').selectAll().where('customer_id', '=', customerId);
  if (options.before !== undefined) query = query.where('position', '<', options.before);
  const rows = await query.orderBy('position', 'desc').limit(options.limit).execute();
  const entries = rows.map((row) => ({
    position: Number(row.position),
    type: row.type,
    by: row.by_sub,
    role: row.role,
    department: row.department,
    purpose: row.purpose,
    documentId: row.document_id,
    at: row.at,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
  }));
  const windows = entries.map((entry) => entry.detail.window).filter((window): window is string => typeof window === 'string');
  const counts = await accessWindowCounts(db, windows);
  return entries.map((entry) => (typeof entry.detail.window === 'string' ? { ...entry, attempts: counts.get(entry.detail.window) ?? 1 } : entry));
}
