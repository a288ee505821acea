import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { Projector, projectorLeaseFor, type ReadModelDatabase } from '@kluis/read-models';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { ProjectionConfig } from '../../config/config-slices';
import { PROJECTION_CONFIG, STORAGE_CONFIG } from '../../config/config-tokens';
import type { StorageConfig } from '../../config/storage-config';
import { Clock } from '../../infrastructure/clock';
import { READ_MODEL_DB } from '../../infrastructure/tokens';
import { issueNotice } from './notice-issuer';
import { noticesProjection } from './notices.projection';

/** Runs the notices process manager; like a projector, one instance at a time does. */
@Injectable()
export class NoticeIssuer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NoticeIssuer.name);
  readonly projector: Projector;

  constructor(
    @Inject(READ_MODEL_DB) db: ReadModelDatabase,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(PROJECTION_CONFIG) private readonly projections: ProjectionConfig,
    @Inject(STORAGE_CONFIG) storage: StorageConfig,
    clock: Clock,
  ) {
    const now = () => clock.now();
    const projection = noticesProjection(store, now, (draft, cause) =>
      issueNotice(store, draft, now(), { id: cause.id, correlationId: String(cause.metadata.correlationId ?? cause.id) }),
    );
    this.projector = new Projector(db, store, projection, {
      lease: projectorLeaseFor(storage.readModel, projection.name),
      onError: (error) => this.logger.error({ err: error }, 'issuing notices failed; it will resume from its checkpoint'),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.projections.projector) await this.projector.start();
  }

  /** Stops before the stores it appends to are closed. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.projector.stop();
  }
}
