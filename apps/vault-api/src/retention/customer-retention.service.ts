import type { Principal } from '@kluis/auth';
import {
  type CustomerRetentionCommand,
  type CustomerRetentionContext,
  type CustomerRetentionEvent,
  type CustomerRetentionState,
  customerRetentionAggregate,
} from '@kluis/document-domain';
import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { Inject, Injectable } from '@nestjs/common';
import type { RetentionConfig } from '../config/config-slices';
import { RETENTION_CONFIG } from '../config/config-tokens';
import { Clock } from '../infrastructure/clock';
import { type EventMetadata, metadataFor } from '../shared/event-sourcing/event-metadata';
import { type Loaded, loadStream } from '../shared/event-sourcing/load-stream';
import type { CommandRequest } from '../shared/event-sourcing/run-command';
import { CustomerBlobLocks } from './customer-blob-locks';

export type RetentionRequest = CommandRequest<CustomerRetentionCommand, CustomerRetentionEvent, CustomerRetentionState, CustomerRetentionContext>;

/**
 * How the customer's retention commands run: under the retention the law sets, with the blob store's own locks
 * following what they record. And where the customer's clock stands, read from their stream.
 */
@Injectable()
export class CustomerRetentionService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RETENTION_CONFIG) private readonly retention: RetentionConfig,
    private readonly clock: Clock,
    private readonly locks: CustomerBlobLocks,
  ) {}

  /** What the pipeline needs to run a retention command; with an expected revision, only at the revision the caller saw. */
  request(command: CustomerRetentionCommand, metadata: EventMetadata, expectedRevision?: number): RetentionRequest {
    const holdsChange = command.type === 'PlaceLegalHold' || command.type === 'LiftLegalHold';
    return {
      command,
      context: { now: this.clock.now(), retentionYears: this.retention.amlRetentionYears },
      metadata,
      expectedRevision,
      afterAppend: (_, state) => this.locks.follow(command.customerId, state, holdsChange),
    };
  }

  /** A person's command, recorded as theirs. */
  requestBy(principal: Principal, requestId: string, command: CustomerRetentionCommand, expectedRevision?: number): RetentionRequest {
    return this.request(command, metadataFor(principal, requestId, this.clock.now()), expectedRevision);
  }

  /** The revision is -1 while nothing was ever recorded for the customer. */
  load(customerId: string): Promise<Loaded<CustomerRetentionState>> {
    return loadStream(this.store, customerRetentionAggregate, customerId);
  }
}
