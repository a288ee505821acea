import { BLOB_STORE, type BlobStore } from '@kluis/blob-store';
import { KEY_VAULT, type KeyVault } from '@kluis/crypto';
import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { openReadModelDatabase, type ReadModelDatabase } from '@kluis/read-models';
import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { DataLocations } from '../config/vault-config';
import { DocumentContentStore } from '../encryption/document-content-store';
import { openKeyVault } from '../encryption/open-key-vault';
import { SealingEventStore } from '../encryption/sealing-event-store';
import { CommandPipeline, READ_MODEL_PROGRESS } from '../shared/event-sourcing/command-pipeline';
import { Clock, SystemClock } from './clock';
import { EventStoreCommits } from './event-store-commits';
import { openBlobStore, openEventStore } from './open-backends';
import { ProjectionsService } from './projections.service';
import { READ_MODEL_DB } from './tokens';

/** The vault's backends, opened once from the configuration and closed on shutdown. */
@Global()
@Module({})
export class InfrastructureModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_MODEL_DB) private readonly readModel: ReadModelDatabase,
    @Inject(KEY_VAULT) private readonly keys: KeyVault,
    private readonly projections: ProjectionsService,
  ) {}

  static forRoot(config: DataLocations, overrides: { clock?: Clock } = {}): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: Clock, useValue: overrides.clock ?? new SystemClock() },
        { provide: KEY_VAULT, useFactory: () => openKeyVault(config.encryption) },
        // Every adapter gets sealed personal fields: the decorator sits above the choice of backend.
        EventStoreCommits,
        {
          provide: EVENT_STORE,
          useFactory: async (keys: KeyVault, commits: EventStoreCommits) =>
            new SealingEventStore(await openEventStore(config.storage.eventStore, commits.observe), keys),
          inject: [KEY_VAULT, EventStoreCommits],
        },
        {
          provide: BLOB_STORE,
          useFactory: (clock: Clock): Promise<BlobStore> => openBlobStore(config.storage.blobStore, config.storage.s3, () => clock.now()),
          inject: [Clock],
        },
        { provide: READ_MODEL_DB, useFactory: () => openReadModelDatabase(config.storage.readModel) },
        ProjectionsService,
        { provide: READ_MODEL_PROGRESS, useExisting: ProjectionsService },
        CommandPipeline,
        DocumentContentStore,
      ],
      exports: [Clock, EVENT_STORE, EventStoreCommits, BLOB_STORE, READ_MODEL_DB, KEY_VAULT, ProjectionsService, CommandPipeline, DocumentContentStore],
    };
  }

  /** Projectors stop before the stores they read from and write to are closed; the keys that open them go last. */
  async onApplicationShutdown(): Promise<void> {
    await this.projections.stop();
    await this.eventStore.close();
    await this.readModel.destroy();
    await this.keys.close();
  }
}
