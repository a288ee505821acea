import type { EventStore, RecordedEvent, Subscription } from '@kluis/event-store';
import type { ReadModelDatabase } from '../database/open-read-model-database';
import { deleteCheckpoint, readCheckpoint, saveCheckpoint } from './checkpoints';
import type { Projection } from './projection';

export interface ProjectorOptions {
  readonly batchSize?: number;
  /** Pause before resubscribing after a failure, so a broken event or store does not spin the CPU. */
  readonly retryDelayMs?: number;
  readonly onError?: (error: unknown) => void;
}

/**
 * Runs one projection from a checkpointed subscription. Each batch of events and the new checkpoint are written in
 * one transaction, so a crash never applies an event twice or skips one.
 */
export class Projector {
  private subscription: Subscription | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private running = false;
  private position = 0;
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly db: ReadModelDatabase,
    private readonly store: EventStore,
    private readonly projection: Projection,
    private readonly options: ProjectorOptions = {},
  ) {}

  get name(): string {
    return this.projection.name;
  }

  async start(): Promise<void> {
    this.running = true;
    await this.subscribe();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.stop();
    this.wakeWaiters();
  }

  /** The position this read model has reached, wherever its projector runs. */
  async checkpoint(): Promise<number> {
    this.position = Math.max(this.position, await readCheckpoint(this.db, this.projection.name));
    return this.position;
  }

  /**
   * Waits until the read model has passed `position`, or `timeoutMs` has gone by. Returns whether it got there.
   * Polls the checkpoint as well, for when another instance runs the projector.
   */
  async waitFor(position: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.checkpoint()) < position) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) return false;
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(remaining, 50));
        this.waiters.add(wake);
      });
    }
    return true;
  }

  /** Empties the read model and replays every event, outside the live subscription. */
  async rebuild(): Promise<number> {
    await this.stop();
    await this.db.transaction().execute(async (trx) => {
      await this.projection.reset(trx);
      await deleteCheckpoint(trx, this.projection.name);
    });
    this.position = 0;
    let after = 0;
    const limit = this.options.batchSize ?? 500;
    for (;;) {
      const batch = await this.store.readAll({ after, limit, streamPrefixes: this.projection.streamPrefixes });
      if (batch.length === 0) return after;
      await this.applyBatch(batch);
      after = batch[batch.length - 1].position;
    }
  }

  private async subscribe(): Promise<void> {
    const after = await readCheckpoint(this.db, this.projection.name);
    this.position = Math.max(this.position, after);
    const subscription = this.store.subscribe(
      { after, streamPrefixes: this.projection.streamPrefixes, batchSize: this.options.batchSize ?? 500 },
      (batch) => this.applyBatch(batch),
    );
    this.subscription = subscription;
    subscription.done.catch((error: unknown) => {
      this.options.onError?.(error);
      if (!this.running || this.subscription !== subscription) return;
      this.subscription = null;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        if (this.running) this.subscribe().catch((failure: unknown) => this.options.onError?.(failure));
      }, this.options.retryDelayMs ?? 1000);
    });
  }

  private async applyBatch(batch: readonly RecordedEvent[]): Promise<void> {
    const last = batch[batch.length - 1].position;
    await this.db.transaction().execute(async (trx) => {
      for (const event of batch) await this.projection.apply(trx, event);
      await saveCheckpoint(trx, this.projection.name, last);
    });
    this.position = Math.max(this.position, last);
    this.wakeWaiters();
  }

  private wakeWaiters(): void {
    for (const wake of [...this.waiters]) {
      this.waiters.delete(wake);
      wake();
    }
  }
}
