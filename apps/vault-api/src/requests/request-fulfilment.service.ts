import { type DocumentRequestCommand, documentRequestAggregate, documentRequestId, type EvidenceKind } from '@kluis/document-domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@kluis/event-store';
import { Projector, projectorLeaseFor, type ReadModelDatabase } from '@kluis/read-models';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { ProjectionConfig } from '../config/config-slices';
import { PROJECTION_CONFIG, STORAGE_CONFIG } from '../config/config-tokens';
import type { StorageConfig } from '../config/storage-config';
import { Clock } from '../infrastructure/clock';
import { READ_MODEL_DB } from '../infrastructure/tokens';
import { runCommand } from '../shared/event-sourcing/run-command';
import { systemMetadata } from '../shared/event-sourcing/system-metadata';
import { type AskAfterRejection, requestFulfilmentProjection, type Satisfy } from './request-fulfilment.projection';

/** Runs the request-fulfilment process manager; like a projector, one instance at a time does. */
@Injectable()
export class RequestFulfilment implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RequestFulfilment.name);
  readonly projector: Projector;

  constructor(
    @Inject(READ_MODEL_DB) db: ReadModelDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_CONFIG) private readonly projections: ProjectionConfig,
    @Inject(STORAGE_CONFIG) storage: StorageConfig,
    private readonly clock: Clock,
  ) {
    const today = () => this.clock.now().toISOString().slice(0, 10);
    const projection = requestFulfilmentProjection(today, { satisfy: (ask) => this.satisfy(ask), askAfterRejection: (ask) => this.askAfterRejection(ask) });
    this.projector = new Projector(db, store, projection, {
      lease: projectorLeaseFor(storage.readModel, projection.name),
      onError: (error) => this.logger.error({ err: error }, 'request fulfilment failed; it will resume from its checkpoint'),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.projections.projector) await this.projector.start();
  }

  /** Stops before the stores it appends to are closed. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.projector.stop();
  }

  private readonly satisfy: Satisfy = async ({ customerId, kind, documentId, cause }) => {
    await this.run(customerId, kind, { type: 'SatisfyDocumentRequest', documentId }, cause);
  };

  private readonly askAfterRejection: AskAfterRejection = async ({ customerId, kind, documentId, reasonCode, message, cause }) => {
    await this.run(customerId, kind, { type: 'AskAfterRejection', documentId, reasonCode, message }, cause);
  };

  private async run(customerId: string, kind: EvidenceKind, command: DocumentRequestCommand, cause: RecordedEvent): Promise<void> {
    const now = this.clock.now();
    const metadata = { ...systemMetadata('request-fulfilment', now), causationId: cause.id, correlationId: String(cause.metadata.correlationId ?? cause.id) };
    await runCommand(this.store, documentRequestAggregate, documentRequestId(customerId, kind), { command, context: { now }, metadata });
  }
}
