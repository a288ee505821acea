import {
  advanceWebhookCursor,
  deadLetterWebhookEntry,
  departmentFeed,
  type FeedEntry,
  type ProjectorLease,
  type ReadModelDatabase,
  type WebhookDeadLetter,
  webhookCursor,
} from '@kluis/read-models';
import { randomUUID } from 'node:crypto';
import { pause } from './pause';
import { retryDelayMs } from './retry-delay';
import { type DeliveryAttempt, sendFeedEntry } from './send-feed-entry';
import type { WebhookEndpoint, WebhookSettings } from '../config/webhook-config';
import { WebhookCursorMovedError } from './webhook-cursor-moved.error';

export interface DepartmentWebhookOptions {
  readonly department: string;
  readonly endpoint: WebhookEndpoint;
  readonly settings: WebhookSettings;
  readonly db: ReadModelDatabase;
  /** Who delivers when several instances share the read model; the holder is told when it loses it. */
  readonly lease: ProjectorLease;
  readonly now: () => Date;
  /** How often a standby tries for the lease, and the deliverer confirms it still holds it. */
  readonly leaseIntervalMs?: number;
  /** How many feed entries are read at a time. */
  readonly batchSize?: number;
  readonly random?: () => number;
  readonly onError: (error: unknown) => void;
  readonly onDeadLetter?: (letter: WebhookDeadLetter) => void;
}

type Outcome = { readonly kind: 'delivered' } | { readonly kind: 'failed'; readonly attempts: number; readonly last: DeliveryAttempt & { delivered: false } } | { readonly kind: 'interrupted' };

/**
 * Pushes one department's feed to its endpoint, in feed order, while this instance holds the department's lease.
 * The cursor moves past an entry only once it was delivered or set aside as a dead letter, and only if it was still
 * where this deliverer left it, so entries are delivered at least once and, while one instance leads, once.
 */
export class DepartmentWebhook {
  private running = false;
  /** Aborted when this instance stops leading: its requests and pauses end at once. */
  private term: AbortController | null = null;
  private delivering: Promise<void> = Promise.resolve();
  private contending: Promise<void> = Promise.resolve();
  private leaseTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: DepartmentWebhookOptions) {
    options.lease.onLost((reason) => {
      options.onError(reason);
      this.follow();
    });
  }

  /** Whether this instance delivers the department's feed now. */
  get active(): boolean {
    return this.term !== null;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.contending = this.contend();
  }

  /** Ends the request in flight, if any, lets the last cursor write finish, and gives the lease back. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.leaseTimer) clearTimeout(this.leaseTimer);
    this.leaseTimer = null;
    await this.contending;
    this.follow();
    await this.delivering;
    await this.options.lease.release();
  }

  /** One attempt to take or keep the lease, then the next is scheduled: a held lease must be confirmed to stay held. */
  private async contend(): Promise<void> {
    let holds = false;
    try {
      holds = await this.options.lease.hold();
    } catch (error) {
      this.options.onError(error);
    }
    if (!this.running) return;
    if (holds && !this.term) this.lead();
    if (!holds && this.term) this.follow();
    this.leaseTimer = setTimeout(() => {
      this.leaseTimer = null;
      this.contending = this.contend();
    }, this.options.leaseIntervalMs ?? 1000);
  }

  private lead(): void {
    const term = new AbortController();
    this.term = term;
    // A previous term's last write finishes before this one reads the cursor.
    this.delivering = this.delivering.then(() => this.deliverWhileLeading(term.signal));
  }

  private follow(): void {
    this.term?.abort();
    this.term = null;
  }

  private async deliverWhileLeading(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        if (!(await this.deliverPending(signal))) await pause(this.options.settings.pollMs, signal);
      } catch (error) {
        this.options.onError(error);
        await pause(this.options.settings.pollMs, signal);
      }
    }
  }

  /** Delivers the entries after the cursor, oldest first; returns whether there were any. */
  private async deliverPending(signal: AbortSignal): Promise<boolean> {
    const { db, department } = this.options;
    let cursor = await webhookCursor(db, department);
    const entries = await departmentFeed(db, department, cursor, this.options.batchSize ?? 100);
    for (const entry of entries) {
      const outcome = await this.deliver(entry, signal);
      // Interrupted mid-way, the entry stays after the cursor and is sent again by whoever delivers next.
      if (outcome.kind === 'interrupted') return true;
      const moved = outcome.kind === 'delivered' ? await advanceWebhookCursor(db, department, cursor, entry.position) : await this.setAside(entry, outcome, cursor);
      if (!moved) throw new WebhookCursorMovedError(department, cursor);
      cursor = entry.position;
      if (signal.aborted) return true;
    }
    return entries.length > 0;
  }

  private async deliver(entry: FeedEntry, signal: AbortSignal): Promise<Outcome> {
    const { settings, endpoint, department } = this.options;
    for (let attempt = 1; ; attempt += 1) {
      const result = await sendFeedEntry(endpoint, entry, { department, timeoutMs: settings.timeoutMs, now: this.options.now(), signal });
      if (result.delivered) return { kind: 'delivered' };
      if (signal.aborted) return { kind: 'interrupted' };
      if (attempt >= settings.maxAttempts) return { kind: 'failed', attempts: attempt, last: result };
      await pause(retryDelayMs(attempt, settings.backoffMs, settings.maxBackoffMs, this.options.random), signal);
      if (signal.aborted) return { kind: 'interrupted' };
    }
  }

  private async setAside(entry: FeedEntry, failure: Extract<Outcome, { kind: 'failed' }>, cursor: number): Promise<boolean> {
    const letter: WebhookDeadLetter = {
      id: randomUUID(),
      department: this.options.department,
      position: entry.position,
      entry,
      attempts: failure.attempts,
      lastStatus: failure.last.status,
      lastError: failure.last.error,
      failedAt: this.options.now().toISOString(),
    };
    const moved = await deadLetterWebhookEntry(this.options.db, letter, cursor);
    if (moved) this.options.onDeadLetter?.(letter);
    return moved;
  }
}
