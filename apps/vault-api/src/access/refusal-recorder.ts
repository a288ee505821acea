import type { Principal } from '@kluis/auth';
import type { AccessRecord } from '@kluis/document-domain';
import { closeAccessWindow, countInAccessWindow, isKnownCustomer, type ReadModelDatabase } from '@kluis/read-models';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../infrastructure/clock';
import { READ_MODEL_DB } from '../infrastructure/tokens';
import { AccessRecorder } from './access-recorder';
import { RefusalBudget } from './refusal-budget';

type Refusal = Omit<Extract<AccessRecord, { type: 'AccessDenied' }>, 'type' | 'window'>;

/**
 * Writes a refused attempt on a customer's file to their access record without letting a stranger flood it: only
 * for a customer the bank knows (an invented id gets no record at all), and once per principal per customer per
 * hour, with the count of attempts that hour kept beside it for the customer to see. Every refusal is charged to
 * the principal's rate limit.
 */
@Injectable()
export class RefusalRecorder {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    private readonly recorder: AccessRecorder,
    private readonly budget: RefusalBudget,
    private readonly clock: Clock,
  ) {}

  async record(principal: Principal, customerId: string, refusal: Refusal, requestId: string): Promise<void> {
    this.budget.charge(principal);
    if (!(await isKnownCustomer(this.db, customerId))) return;
    const at = this.clock.now().toISOString();
    const window = `refused:${customerId}:${at.slice(0, 13)}:${principal.sub}`;
    if ((await countInAccessWindow(this.db, window, at)) > 1) return;
    try {
      await this.recorder.record(principal, customerId, { type: 'AccessDenied', ...refusal, window }, requestId);
    } catch (error) {
      await closeAccessWindow(this.db, window);
      throw error;
    }
  }
}
