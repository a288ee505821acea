import { EventStoreUnavailableError } from '../event-store.errors';
import type { BatchHandler, RecordedEvent, Subscription } from '../event-store.port';
import type { AllStreamResolvedEvent, EsdbSubscription } from './esdb-client';

export interface DeliveryOptions {
  /** Exclusive checkpoint, re-checked here so a replayed event is never delivered twice. */
  readonly after: number;
  readonly batchSize: number;
  /** How long the server has to confirm the subscription before it counts as unavailable. */
  readonly confirmWithinMs: number;
  /** The event to deliver, or undefined when it is filtered out. */
  readonly accept: (resolved: AllStreamResolvedEvent) => RecordedEvent | undefined;
  readonly toPortError: (error: unknown) => unknown;
}

type Next = IteratorResult<AllStreamResolvedEvent>;
const STOPPED = Symbol('stopped');
const IDLE = Symbol('idle');

/**
 * Pulls events one at a time from the subscription (so gRPC flow control holds the server back while the handler
 * runs) and hands the handler whatever is already buffered, up to `batchSize`, as one batch.
 */
export function deliverInBatches(
  source: EsdbSubscription,
  options: DeliveryOptions,
  handler: BatchHandler,
): Subscription {
  const iterator = source[Symbol.asyncIterator]();
  let stopping = false;
  let inHandler = false;
  let interrupt: (() => void) | undefined;

  const read = (): Promise<Next> => {
    const next = iterator.next();
    // It may fail while the handler runs; the failure is picked up when the loop awaits it.
    next.catch(() => undefined);
    return next;
  };

  const untilStopped = (pending: Promise<Next>): Promise<Next | typeof STOPPED> =>
    new Promise((resolve, reject) => {
      interrupt = () => resolve(STOPPED);
      pending.then(resolve, reject);
    });

  const confirmed = (pending: Promise<Next>): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new EventStoreUnavailableError(
              `EventStoreDB did not confirm the subscription within ${options.confirmWithinMs} ms`,
            ),
          ),
        options.confirmWithinMs,
      );
      const confirm = () => {
        clearTimeout(timer);
        resolve();
      };
      const fail = (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      };
      interrupt = confirm;
      source.once('confirmation', confirm);
      pending.then(confirm, fail);
    });

  const run = async (): Promise<void> => {
    let pending = read();
    await confirmed(pending);
    let last = options.after;
    while (!stopping) {
      let next = await untilStopped(pending);
      if (next === STOPPED) return;
      const batch: RecordedEvent[] = [];
      let ended = false;
      for (;;) {
        if (next.done) {
          ended = true;
          break;
        }
        pending = read();
        const event = options.accept(next.value);
        if (event && event.position > last) {
          batch.push(event);
          last = event.position;
        }
        if (batch.length >= options.batchSize) break;
        const buffered = await Promise.race([pending, idle()]);
        if (buffered === IDLE) break;
        next = buffered;
      }
      if (batch.length > 0 && !stopping) {
        inHandler = true;
        await handler(batch);
        inHandler = false;
      }
      if (ended && !stopping) throw new EventStoreUnavailableError('EventStoreDB ended the subscription');
    }
  };

  const done = run()
    .catch((error: unknown) => {
      throw inHandler ? error : options.toPortError(error);
    })
    .finally(() => {
      void source.unsubscribe().catch(() => undefined);
    });
  // Failures are reported through `done`; a subscriber that never looks must not crash the process.
  done.catch(() => undefined);

  return {
    done,
    async stop() {
      stopping = true;
      interrupt?.();
      await done.catch(() => undefined);
    },
  };
}

/** A subscription that can never match anything: it only waits to be stopped. */
export function idleSubscription(): Subscription {
  let stop!: () => void;
  const done = new Promise<void>((resolve) => {
    stop = resolve;
  });
  return {
    done,
    async stop() {
      stop();
      await done;
    },
  };
}

/** Resolves after pending I/O callbacks, so anything the client has already buffered wins the race against it. */
function idle(): Promise<typeof IDLE> {
  return new Promise((resolve) => setImmediate(() => resolve(IDLE)));
}
