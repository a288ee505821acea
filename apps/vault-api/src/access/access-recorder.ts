import { hasRole, type Principal } from '@kluis/auth';
import { ACCESS_EVENT_VERSIONS, accessEvent, type AccessRecord, type AccessRole, accessStream } from '@kluis/document-domain';
import { EVENT_STORE, type EventStore, type ExpectedRevision, type NewEvent, WrongExpectedRevisionError } from '@kluis/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../infrastructure/clock';
import { metadataFor } from '../shared/event-sourcing/event-metadata';

/** Bounds the remembered revisions; a forgotten one only costs a re-read. */
const REMEMBERED_STREAMS = 10_000;

/**
 * Appends what was read about a customer, by whom and why, to the customer's append-only access record, before the
 * answer leaves: a read that cannot be recorded is not served. It remembers each stream's last revision, so the
 * usual append costs no read; a concurrent reader of the same customer costs one re-read and a retry.
 */
@Injectable()
export class AccessRecorder {
  private readonly revisions = new Map<string, ExpectedRevision>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async record(principal: Principal, customerId: string, record: AccessRecord, requestId: string): Promise<void> {
    const at = this.clock.now();
    const role: AccessRole = hasRole(principal, 'reviewer') ? 'reviewer' : hasRole(principal, 'department') ? 'department' : hasRole(principal, 'admin') ? 'admin' : 'customer';
    const { type, data } = accessEvent(record, { customerId, by: principal.sub, role, department: principal.department ?? null, at: at.toISOString() });
    await this.append(accessStream(customerId), { id: randomUUID(), type, version: ACCESS_EVENT_VERSIONS[type], data, metadata: metadataFor(principal, requestId, at) });
  }

  async evidenceQueried(principal: Principal, customerId: string, query: Omit<Extract<AccessRecord, { type: 'EvidenceQueried' }>, 'type'>, requestId: string): Promise<void> {
    await this.record(principal, customerId, { type: 'EvidenceQueried', ...query }, requestId);
  }

  private async append(stream: string, event: NewEvent): Promise<void> {
    let expected = this.revisions.get(stream) ?? (await this.store.readStream(stream)).revision;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const { revision } = await this.store.append(stream, [event], expected);
        this.remember(stream, revision);
        return;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= 10) throw error;
        expected = error.actual;
      }
    }
  }

  private remember(stream: string, revision: number): void {
    this.revisions.delete(stream);
    this.revisions.set(stream, revision);
    if (this.revisions.size > REMEMBERED_STREAMS) this.revisions.delete(this.revisions.keys().next().value!);
  }
}
