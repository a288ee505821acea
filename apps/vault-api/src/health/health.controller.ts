import { Public } from '@kluis/auth';
import { BLOB_STORE, type BlobStore } from '@kluis/blob-store';
import { KEY_VAULT, type KeyVault } from '@kluis/crypto';
import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { MALWARE_SCANNER, type MalwareScanner } from '@kluis/malware-scanner';
import type { ReadModelDatabase } from '@kluis/read-models';
import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { sql } from 'kysely';
import type { ScanningConfig } from '../config/config-slices';
import { ENCRYPTION_CONFIG, NOTICE_SETTINGS, SCANNING_CONFIG, STORAGE_CONFIG } from '../config/config-tokens';
import type { EncryptionConfig } from '../config/encryption-config';
import type { NoticeSettings } from '../config/notice-settings';
import type { StorageConfig } from '../config/storage-config';
import { ProjectionsService } from '../infrastructure/projections.service';
import { ObjectLockCanaryService } from '../object-lock';
import { NoticeMailer } from '../notices';
import { ReconciliationService } from '../reconciliation';
import { READ_MODEL_DB } from '../infrastructure/tokens';
import { HEALTH_SCHEMA, LIVENESS_SCHEMA } from './health.schema';

type Check = { status: 'up' | 'down'; backend: string; detail?: string };

const CHECK_TIMEOUT_MS = 2000;

async function check(backend: string, probe: () => Promise<unknown>): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('no answer in time')), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up', backend };
  } catch (error) {
    // Only the error's class reaches the body: messages can carry hosts or paths.
    return { status: 'down', backend, detail: error instanceof Error ? error.name : 'unknown error' };
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(READ_MODEL_DB) private readonly readModel: ReadModelDatabase,
    @Inject(STORAGE_CONFIG) private readonly storage: StorageConfig,
    @Inject(ENCRYPTION_CONFIG) private readonly encryption: EncryptionConfig,
    @Inject(SCANNING_CONFIG) private readonly scanning: ScanningConfig,
    @Inject(NOTICE_SETTINGS) private readonly noticeSettings: NoticeSettings,
    private readonly projections: ProjectionsService,
    private readonly reconciliation: ReconciliationService,
    @Inject(MALWARE_SCANNER) private readonly scanner: MalwareScanner,
    @Inject(KEY_VAULT) private readonly keys: KeyVault,
    private readonly objectLock: ObjectLockCanaryService,
    private readonly notices: NoticeMailer,
  ) {}

  /** Liveness: the process answers. A backend outage makes the vault unready, not dead: restarting would not help. */
  @Get('live')
  @ApiOperation({ summary: 'Is the process running' })
  @ApiOkResponse({ description: 'The process is running', schema: LIVENESS_SCHEMA })
  live() {
    return { status: 'up' };
  }

  @Get()
  @ApiOperation({ summary: 'Is every backend answering' })
  @ApiOkResponse({ description: 'Every backend answers', schema: HEALTH_SCHEMA })
  @ApiServiceUnavailableResponse({ description: 'At least one backend does not answer', schema: HEALTH_SCHEMA })
  async health(@Res({ passthrough: true }) response: Response) {
    const [eventStore, blobStore, readModel, keyStore, malwareScanner] = await Promise.all([
      check(this.storage.eventStore.kind, () => this.events.headPosition()),
      check(this.storage.blobStore.kind, () => this.blobs.ping()),
      check(this.storage.readModel.kind, () => sql`select 1`.execute(this.readModel)),
      check(this.encryption.keyStore.kind, () => this.keys.ping()),
      this.scanner.scansContent ? check(this.scanning.malwareScanner.kind, () => this.scanner.ping()) : { status: 'disabled' as const, backend: 'disabled' },
    ]);
    // Without its keys the vault can neither store nor read a document.
    const up = [eventStore, blobStore, readModel, keyStore].every((component) => component.status === 'up');
    const lag = up ? await this.projections.lag() : null;
    const reconciliation = await this.reconciliation.status();
    // A lost blob is one document's loss, not this instance's: staying ready keeps every other document served.
    // Without the scanner uploads are held, not lost: the instance stays ready and says it is degraded.
    // A store that deletes locked versions still serves every document, but can no longer promise to keep them.
    const objectLock = this.objectLock.status();
    const degraded = reconciliation.status === 'data-loss' || malwareScanner.status === 'down' || objectLock.status === 'not-enforced';
    const status = !up ? 'down' : degraded ? 'degraded' : 'up';
    response.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    // Without mail, notices still reach the inbox: the instance is ready, and says notices are not mailed.
    const notices = { mail: this.noticeSettings.mail.kind, undelivered: up ? await this.notices.undelivered() : null };
    return { status, checks: { eventStore, blobStore, readModel, keyStore, malwareScanner }, projections: { documents: { lag } }, reconciliation, objectLock, notices };
  }
}
