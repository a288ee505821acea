/** One row per customer with a retention story: where their clock stands, and whether their erasure is done. */
export interface CustomerRetentionTable {
  customer_id: string;
  /** `active`, `ended` or `erased`. */
  status: string;
  started_on: string | null;
  ended_on: string | null;
  /** The last day the records must be kept; erasure is due the day after. */
  retained_until: string | null;
  /** Legal holds in force; erasure waits while there is any. */
  holds: number;
  erased_at: string | null;
  erasure_reason: string | null;
  erasure_completed_at: string | null;
  updated_at: string;
}
