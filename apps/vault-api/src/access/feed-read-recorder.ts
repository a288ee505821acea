import type { DepartmentPrincipal } from '@kluis/auth';
import { closeAccessWindow, forgetAccessWindows, openAccessWindows, type ReadModelDatabase } from '@kluis/read-models';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../infrastructure/clock';
import { READ_MODEL_DB } from '../infrastructure/tokens';
import { AccessRecorder } from './access-recorder';

/** Bounds the windows remembered; a forgotten one only costs a lookup. */
const REMEMBERED_WINDOWS = 10_000;

/**
 * Tells each customer that a department's feed carried their events: once per department per customer per day,
 * however often the feed is read. A window already recorded costs no write: this instance remembers it, and the
 * database decides between instances, so only the first read of the day appends to the customer's record.
 */
@Injectable()
export class FeedReadRecorder {
  private readonly recorded = new Set<string>();
  private forgottenBefore = '';

  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    private readonly recorder: AccessRecorder,
    private readonly clock: Clock,
  ) {}

  async record(principal: DepartmentPrincipal, customerIds: readonly string[], requestId: string): Promise<void> {
    const at = this.clock.now().toISOString();
    const day = at.slice(0, 10);
    // Yesterday's windows can never be hit again; clearing them once a day keeps the table at one day's readers.
    if (this.forgottenBefore !== day) {
      this.forgottenBefore = day;
      await forgetAccessWindows(this.db, 'feed', day);
    }
    const windowOf = (customerId: string) => `feed:${customerId}:${day}:${principal.department}`;
    const unknown = [...new Set(customerIds)].filter((customerId) => !this.recorded.has(windowOf(customerId)));
    const opened = new Set(await openAccessWindows(this.db, unknown.map(windowOf), at));
    await Promise.all(
      unknown
        .filter((customerId) => opened.has(windowOf(customerId)))
        .map(async (customerId) => {
          try {
            await this.recorder.record(principal, customerId, { type: 'DepartmentFeedRead' }, requestId);
          } catch (error) {
            await closeAccessWindow(this.db, windowOf(customerId));
            throw error;
          }
        }),
    );
    for (const customerId of unknown) this.remember(windowOf(customerId));
  }

  private remember(window: string): void {
    this.recorded.add(window);
    if (this.recorded.size > REMEMBERED_WINDOWS) this.recorded.delete(this.recorded.values().next().value!);
  }
}
