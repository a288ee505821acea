/**
 * Notices still to be mailed, and those every attempt failed for. Nothing personal: the address and what the notice
 * says are read, sealed, from the customer's notice stream when the mail is sent.
 */
export interface NoticeOutboxTable {
  notice_id: string;
  customer_id: string;
  /** Where the notice sits in the event store, so mail goes out in the order things happened. */
  position: number;
  /** `pending`, `failed` (every attempt failed) or `unaddressed` (no address was on file). */
  state: string;
  attempts: number;
  /** Not before this time; the backoff after a failed attempt. */
  retry_at: string;
}
