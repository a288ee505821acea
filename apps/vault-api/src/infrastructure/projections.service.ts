import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { documentsProjection, Projector, projectorLeaseFor, type ReadModelDatabase } from '@kluis/read-models';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { VAULT_CONFIG, type VaultConfig } from '../config/vault-config';
import { READ_MODEL_DB } from './tokens';

/**
 * Runs the read-model projectors and lets writes wait for their own events to be projected. When instances share a
 * read model, one of them projects and the others stand by, ready to take over; every instance waits on the shared
 * checkpoint, so each reads its own writes whichever instance projects them.
 */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ProjectionsService.name);
  readonly documents: Projector;

  constructor(
    @Inject(READ_MODEL_DB) db: ReadModelDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(VAULT_CONFIG) private readonly config: VaultConfig,
  ) {
    this.documents = new Projector(db, store, documentsProjection, {
      lease: projectorLeaseFor(config.readModel, documentsProjection.name),
      onError: (error) => this.logger.error({ err: error }, 'documents projection failed; it will resume from its checkpoint'),
      onActiveChange: (active) =>
        this.logger.log(active ? 'this instance now projects documents' : 'this instance stopped projecting documents; another one may take over'),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.projector) await this.documents.start();
    else this.logger.log('projectors are off in this instance; another instance must run them');
  }

  async stop(): Promise<void> {
    await this.documents.stop();
  }

  /** Read your writes: a response is sent once the read model shows the write, or after a bounded wait. */
  async caughtUpTo(position: number): Promise<boolean> {
    const reached = await this.documents.waitFor(position, this.config.readYourWritesTimeoutMs);
    if (!reached) this.logger.warn({ position }, 'read model is behind; answering before it caught up');
    return reached;
  }

  async lag(): Promise<number> {
    const [head, checkpoint] = await Promise.all([this.store.headPosition(), this.documents.checkpoint()]);
    return Math.max(0, head - checkpoint);
  }
}
