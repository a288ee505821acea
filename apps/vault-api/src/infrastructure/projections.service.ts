import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { documentsProjection, Projector, type ReadModelDatabase } from '@kluis/read-models';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { VAULT_CONFIG, type VaultConfig } from '../config/vault-config';
import { READ_MODEL_DB } from './tokens';

/** Runs the read-model projectors in this process and lets writes wait for their own events to be projected. */
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
      onError: (error) => this.logger.error({ err: error }, 'documents projection failed; it will resume from its checkpoint'),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.documents.start();
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
