import type { EventStore, RecordedEvent, Subscription } from '@kluis/event-store';
import type { ReadModelDatabase } from '../database/open-read-model-database';
import { CheckpointMovedError } from './checkpoint-moved.error';
import { advanceCheckpoint, deleteCheckpoint, readCheckpoint } from './checkpoints';
import type { Projection } from './projection';
import { type ProjectorLease, soleProjectorLease } from './projector-lease';

export interface ProjectorOptions {
  readonly batchSize?: number;
  /** Pause before resubscribing after a failure, so a broken event or store does not spin the CPU. */
  readonly retryDelayMs?: number;
  readonly onError?: (error: unknown) => void;
  /** Who may project when several instances share the read model. Without one, this instance always does. */
  readonly lease?: ProjectorLease;
  /** How often a standby tries to take the lease, and the active projector confirms it still holds it. */
  readonly leaseIntervalMs?: number;
  /** Told when this instance starts or stops being the one that projects. */
  readonly onActiveChange?: (active: boolean) => void;
}

/**
 * Runs one projection from a checkpointed subscription, while this instance holds the projection's lease. Each batch
 * of events and the new checkpoint are written in one transaction, and only if the checkpoint is still where this
 * projector left it, so neither a crash nor a second projector ever applies an event twice or skips one.
 */
export class Projector {
  private subscription: Subscription | null = null;
  /** Settles once every subscription this projector stopped has finished its last batch. */
  private stopped: Promise<void> = Promise.resolve();
  private retryTimer: NodeJS.Timeout | null = null;
  private leaseTimer: NodeJS.Timeout | null = null;
  private contending: Promise<void> = Promise.resolve();
  private running = false;
  private leading = false;
  private position = 0;
  private readonly waiters = new Set<() => void>();
  private readonly lease: ProjectorLease;

  constructor(
    private readonly db: ReadModelDatabase,
    private readonly store: EventStore,
    private readonly projection: Projection,
    private readonly options: ProjectorOptions = {},
  ) {
    this.lease = options.lease ?? soleProjectorLease();
    this.lease.onLost((reason) => {
      this.options.onError?.(reason);
      this.follow();
    });
  }

  get name(): string {
    return this.projection.name;
  }

  /** Whether this instance is the one projecting now. */
  get active(): boolean {
    return this.running && this.leading;
  }

  /** Resolves once this instance either projects or stands by; it keeps trying for the lease until stopped. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.contending = this.contend();
    await this.contending;
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.leaseTimer) clearTimeout(this.leaseTimer);
    this.leaseTimer = null;
    await this.contending;
    this.follow();
    await this.pause();
    await this.lease.release();
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
      after = await this.applyBatch(batch, after);
    }
  }

  /** One attempt to take or keep the lease, then the next one is scheduled. */
  private async contend(): Promise<void> {
    let holds = false;
    try {
      holds = await this.lease.hold();
    } catch (error) {
      this.options.onError?.(error);
    }
    if (!this.running) return;
    if (holds && !this.leading) await this.lead();
    if (!holds && this.leading) this.follow();
    if (!this.running) return;
    this.leaseTimer = setTimeout(() => {
      this.leaseTimer = null;
      this.contending = this.contend();
    }, this.options.leaseIntervalMs ?? 1000);
  }

  private async lead(): Promise<void> {
    this.leading = true;
    this.options.onActiveChange?.(true);
    await this.resume();
  }

  /** Stops projecting at once; the lease is tried for again at the next interval. */
  private follow(): void {
    if (!this.leading) return;
    this.leading = false;
    this.options.onActiveChange?.(false);
    void this.pause();
  }

  private async resume(): Promise<void> {
    await this.stopped;
    if (!this.active || this.subscription) return;
    try {
      await this.subscribe();
    } catch (error) {
      this.options.onError?.(error);
      this.retryLater();
    }
  }

  private pause(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const subscription = this.subscription;
    this.subscription = null;
    if (subscription) this.stopped = Promise.all([this.stopped, subscription.stop()]).then(() => undefined);
    return this.stopped;
  }

  private retryLater(): void {
    if (!this.active || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.resume();
    }, this.options.retryDelayMs ?? 1000);
  }

  private async subscribe(): Promise<void> {
    const after = await readCheckpoint(this.db, this.projection.name);
    if (!this.active || this.subscription) return;
    this.position = Math.max(this.position, after);
    let checkpoint = after;
    const subscription = this.store.subscribe(
      { after, streamPrefixes: this.projection.streamPrefixes, batchSize: this.options.batchSize ?? 500 },
      async (batch) => {
        checkpoint = await this.applyBatch(batch, checkpoint);
      },
    );
    this.subscription = subscription;
    subscription.done.catch((error: unknown) => {
      this.options.onError?.(error);
      if (this.subscription !== subscription) return;
      this.subscription = null;
      this.retryLater();
    });
  }

  /** Applies a batch that follows checkpoint `from`, and returns the new checkpoint. */
  private async applyBatch(batch: readonly RecordedEvent[], from: number): Promise<number> {
    const last = batch[batch.length - 1].position;
    await this.db.transaction().execute(async (trx) => {
      // Moved before the rows are written: a projector that still believes it leads waits here for the other's
      // transaction, then finds the checkpoint moved and writes nothing.
      if (!(await advanceCheckpoint(trx, this.projection.name, from, last))) throw new CheckpointMovedError(this.projection.name, from);
      for (const event of batch) await this.projection.apply(trx, event);
    });
    this.position = Math.max(this.position, last);
    this.wakeWaiters();
    return last;
  }

  private wakeWaiters(): void {
    for (const wake of [...this.waiters]) {
      this.waiters.delete(wake);
      wake();
    }
  }
}
