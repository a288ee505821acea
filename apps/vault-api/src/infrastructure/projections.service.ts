import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { accessLogProjection, documentsProjection, type Projection, Projector, projectorLeaseFor, type ReadModelDatabase } from '@kluis/read-models';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { ProjectionConfig } from '../config/config-slices';
import { PROJECTION_CONFIG, STORAGE_CONFIG } from '../config/config-tokens';
import type { StorageConfig } from '../config/storage-config';
import { READ_MODEL_DB } from './tokens';

/** Past this many events, "behind" is all that matters: counting further would make a health check expensive. */
const LAG_CAP = 1000;

/**
 * Runs the read-model projectors and lets writes wait for their own events to be projected. When instances share a
 * read model, one of them projects and the others stand by, ready to take over; every instance waits on the shared
 * checkpoint, so each reads its own writes whichever instance projects them.
 */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ProjectionsService.name);
  readonly documents: Projector;
  readonly accessLog: Projector;

  constructor(
    @Inject(READ_MODEL_DB) db: ReadModelDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_CONFIG) private readonly projections: ProjectionConfig,
    @Inject(STORAGE_CONFIG) storage: StorageConfig,
  ) {
    const projector = (projection: Projection) =>
      new Projector(db, store, projection, {
        lease: projectorLeaseFor(storage.readModel, projection.name),
        onError: (error) => this.logger.error({ err: error, projection: projection.name }, 'projection failed; it will resume from its checkpoint'),
        onActiveChange: (active) =>
          this.logger.log({ projection: projection.name }, active ? 'this instance now projects' : 'this instance stopped projecting; another one may take over'),
      });
    this.documents = projector(documentsProjection);
    this.accessLog = projector(accessLogProjection);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.projections.projector) await Promise.all([this.documents.start(), this.accessLog.start()]);
    else this.logger.log('projectors are off in this instance; another instance must run them');
  }

  async stop(): Promise<void> {
    await Promise.all([this.documents.stop(), this.accessLog.stop()]);
  }

  /**
   * Whether this instance projects the documents read model. Timed processes that act on that read model run only
   * where this is true: one instance acts while the others stand by, as with the projectors themselves.
   */
  get leads(): boolean {
    return this.documents.active;
  }

  /** Read your writes: a response is sent once the read model shows the write, or after a bounded wait. */
  async caughtUpTo(position: number): Promise<boolean> {
    const reached = await this.documents.waitFor(position, this.projections.readYourWritesTimeoutMs);
    if (!reached) this.logger.warn({ position }, 'read model is behind; answering before it caught up');
    return reached;
  }

  /**
   * How many document events the documents read model has yet to project, up to LAG_CAP. Counted within its own
   * streams: other events (such as access records) move the global head without concerning it.
   */
  async lag(): Promise<number> {
    const behind = await this.store.readAll({ after: await this.documents.checkpoint(), limit: LAG_CAP, streamPrefixes: documentsProjection.streamPrefixes });
    return behind.length;
  }
}
