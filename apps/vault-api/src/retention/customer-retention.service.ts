import type { Principal } from '@kluis/auth';
import { type CustomerRetentionCommand, type CustomerRetentionState, customerStream } from '@kluis/document-domain';
import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { VAULT_CONFIG, type VaultConfig } from '../config/vault-config';
import { Clock } from '../infrastructure/clock';
import { ProjectionsService } from '../infrastructure/projections.service';
import { type CommandOutcome, runCommand } from '../shared/event-sourcing/command-runner';
import { type EventMetadata, metadataFor } from '../shared/event-sourcing/event-metadata';
import { StaleRevision } from '../shared/event-sourcing/stale-revision.error';
import { ifMatchRevision, stalePrecondition } from '../shared/http/etag';
import { CustomerBlobLocks } from './customer-blob-locks';
import { customerRetentionKind } from './customer-retention.kind';

export interface LoadedRetention {
  readonly state: CustomerRetentionState;
  /** -1 while nothing was ever recorded for the customer. */
  readonly revision: number;
}

/** Runs the customer's retention commands against their stream, and reads where their clock stands. */
@Injectable()
export class CustomerRetentionService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(VAULT_CONFIG) private readonly config: VaultConfig,
    private readonly clock: Clock,
    private readonly projections: ProjectionsService,
    private readonly locks: CustomerBlobLocks,
  ) {}

  /** Read your writes: answers once the read model shows the change, or after the configured wait. */
  async run(customerId: string, command: CustomerRetentionCommand, metadata: EventMetadata, expectedRevision?: number): Promise<CommandOutcome<unknown, CustomerRetentionState> & { caughtUp: boolean }> {
    const context = { now: this.clock.now(), retentionYears: this.config.amlRetentionYears };
    try {
      const outcome = await runCommand(this.store, customerRetentionKind, customerId, command, context, { metadata, expectedRevision });
      const caughtUp = outcome.position === null || (await this.projections.caughtUpTo(outcome.position));
      if (outcome.position !== null) await this.locks.follow(customerId, outcome.state, command.type === 'PlaceLegalHold' || command.type === 'LiftLegalHold');
      return { ...outcome, caughtUp };
    } catch (error) {
      if (error instanceof StaleRevision) throw stalePrecondition();
      throw error;
    }
  }

  /** A person's command, recorded as theirs; with If-Match, taken only at the revision they saw. */
  runAs(principal: Principal, requestId: string, command: CustomerRetentionCommand, ifMatch?: string) {
    return this.run(command.customerId, command, metadataFor(principal, requestId, this.clock.now()), ifMatchRevision(ifMatch));
  }

  async load(customerId: string): Promise<LoadedRetention> {
    const stream = await this.store.readStream(customerStream(customerId));
    const state = stream.events.map(customerRetentionKind.read).reduce(customerRetentionKind.decider.evolve, customerRetentionKind.decider.initialState);
    return { state, revision: stream.revision === 'no_stream' ? -1 : stream.revision };
  }
}
