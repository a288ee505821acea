import type { BatchHandler, RecordedEvent, Subscription } from '../event-store.port';
import type { AppendSignal } from './append-signal';

export interface Batch {
  readonly events: readonly RecordedEvent[];
  /** Everything up to here has been looked at, including events the prefixes filtered out. */
  readonly scannedTo: number;
  /** Nothing was committed beyond `scannedTo` when the batch was read. */
  readonly caughtUp: boolean;
}

export type ReadBatch = (after: number, limit: number) => Promise<Batch>;

export interface PollingOptions {
  readonly after: number;
  readonly batchSize: number;
  readonly pollIntervalMs: number;
}

/**
 * Reads the log in batches and hands each to the handler, one at a time. Once caught up it sleeps until this process
 * appends or the poll interval passes (other processes may have appended).
 */
export class PollingSubscription implements Subscription {
  readonly done: Promise<void>;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly readBatch: ReadBatch,
    private readonly appended: AppendSignal,
    private readonly options: PollingOptions,
    private readonly handler: BatchHandler,
  ) {
    this.done = this.deliver();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.done.catch(() => undefined);
  }

  private async deliver(): Promise<void> {
    let scanned = this.options.after;
    while (!this.stopping) {
      const generation = this.appended.generation;
      const batch = await this.readBatch(scanned, this.options.batchSize);
      if (this.stopping) return;
      if (batch.events.length > 0) await this.handler(batch.events);
      scanned = batch.scannedTo;
      if (batch.caughtUp && !this.stopping && this.appended.generation === generation) await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        stopListening();
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(finish, this.options.pollIntervalMs);
      const stopListening = this.appended.listen(finish);
      this.wake = finish;
    });
  }
}
