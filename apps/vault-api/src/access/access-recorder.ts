import type { Principal } from '@kluis/auth';
import { EVENT_STORE, type EventStore, WrongExpectedRevisionError } from '@kluis/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../infrastructure/clock';
import { metadataFor } from '../shared/event-sourcing/event-metadata';

export const accessStream = (customerId: string) => `access-${customerId}`;

export interface EvidenceQuery {
  readonly kind: string;
  readonly satisfied: boolean;
  readonly documentId: string | null;
  readonly purpose: string | null;
}

/**
 * Writes what was read about a customer, by whom and why, to the customer's access record before the answer
 * leaves: a read that cannot be recorded is not served. Concurrent readers of one customer retry on the stream's
 * revision, so no record is lost.
 */
@Injectable()
export class AccessRecorder {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async evidenceQueried(principal: Principal, customerId: string, query: EvidenceQuery, requestId: string): Promise<void> {
    const at = this.clock.now();
    await this.append(customerId, {
      id: randomUUID(),
      type: 'EvidenceQueried',
      version: 1,
      data: { customerId, by: principal.sub, department: principal.department ?? null, ...query, at: at.toISOString() },
      metadata: metadataFor(principal, requestId, at),
    });
  }

  private async append(customerId: string, event: Parameters<EventStore['append']>[1][number]): Promise<void> {
    const stream = accessStream(customerId);
    for (let attempt = 1; ; attempt += 1) {
      const { revision } = await this.store.readStream(stream);
      try {
        await this.store.append(stream, [event], revision);
        return;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= 10) throw error;
      }
    }
  }
}
