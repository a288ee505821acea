import { type CscaTrustStore, loadCscaTrustStore } from '@kluis/chip-verification';
import { ConfigError } from '../config/config-error';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { ReviewConfig } from '../config/config-slices';
import { REVIEW_CONFIG } from '../config/config-tokens';

/**
 * The CSCA trust store named by `VAULT_CSCA_MASTER_LIST`, loaded at start-up (a store that cannot be read stops the
 * vault) and again on SIGHUP, when a new master list was put in place. A failed reload keeps the store in use.
 */
@Injectable()
export class ChipTrust implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ChipTrust.name);
  private store: CscaTrustStore | null = null;
  private readonly onHangUp = () => void this.reload();

  constructor(@Inject(REVIEW_CONFIG) private readonly reviews: ReviewConfig) {}

  async onModuleInit(): Promise<void> {
    if (this.reviews.cscaMasterList === null) return;
    this.store = await loadCscaTrustStore(this.reviews.cscaMasterList).catch((error: unknown) => {
      throw new ConfigError(`VAULT_CSCA_MASTER_LIST: ${error instanceof Error ? error.message : String(error)}`);
    });
    process.on('SIGHUP', this.onHangUp);
  }

  onApplicationShutdown(): void {
    process.off('SIGHUP', this.onHangUp);
  }

  /** The trust store in use; null when none is configured. */
  current(): CscaTrustStore | null {
    return this.store;
  }

  async reload(): Promise<void> {
    if (this.reviews.cscaMasterList === null) return;
    try {
      this.store = await loadCscaTrustStore(this.reviews.cscaMasterList);
      this.logger.log({ cscas: this.store.cscas.length, crls: this.store.crls.length }, 'CSCA trust store reloaded');
    } catch (error) {
      this.logger.error({ err: error }, 'CSCA trust store could not be reloaded; the previous one stays in use');
    }
  }
}
