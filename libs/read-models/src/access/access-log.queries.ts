import type { ReadModelDatabase } from '../database/open-read-model-database';

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
}

/** A customer's access log, newest first, strictly before `before` when given. */
export async function accessLog(db: ReadModelDatabase, customerId: string, options: { before?: number; limit: number }): Promise<AccessLogEntry[]> {
  let query = db.selectFrom('access_log').selectAll().where('customer_id', '=', customerId);
  if (options.before !== undefined) query = query.where('position', '<', options.before);
  const rows = await query.orderBy('position', 'desc').limit(options.limit).execute();
  return rows.map((row) => ({
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
}
