import { sql } from 'kysely';
import type { ExpectedRevision, NewEvent } from '../event-store.port';
import { appendWithin, type AppendOutcome } from './append-events';
import type { Db } from './event-queries';

export interface PendingAppend {
  readonly stream: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
}

/** What one append of a committed batch came to: its own result, or its own error. */
export type AppendSettlement = { readonly ok: true; readonly outcome: AppendOutcome } | { readonly ok: false; readonly error: unknown };

/** Runs a whole batch in one transaction: one commit, so one fsync, however many appends it holds. */
export type CommitBatch = (batch: readonly PendingAppend[]) => Promise<readonly AppendSettlement[]>;

interface Waiting extends PendingAppend {
  readonly resolve: (settlement: AppendSettlement) => void;
}

/**
 * Bounds a transaction, so one burst cannot hold the write lock (and every reader's wait for it) for long. 200 appends
 * already cost about what one costs: a synced commit is dominated by its fsync, not by its rows.
 */
const MAX_APPENDS_PER_COMMIT = 200;

/**
 * Group commit: appends that arrive while a commit is being prepared or is in flight are collected into the next
 * one. The first append of a batch waits for `setImmediate`, so that every request whose I/O arrived in the same turn
 * of the event loop can join it; with a synchronous driver nothing else could join while the commit runs.
 */
export class GroupCommit {
  private queue: Waiting[] = [];
  private running = false;

  constructor(private readonly commit: CommitBatch) {}

  append(pending: PendingAppend): Promise<AppendSettlement> {
    return new Promise((resolve) => {
      this.queue.push({ ...pending, resolve });
      if (!this.running) {
        this.running = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_APPENDS_PER_COMMIT);
      const settlements = await this.commit(batch).catch((error: unknown) => batch.map(() => ({ ok: false, error }) as const));
      batch.forEach((waiting, index) => waiting.resolve(settlements[index]));
    }
    this.running = false;
  }
}

/**
 * Appends every member of a batch inside one transaction, each behind a savepoint of its own: a member that is
 * refused (a stale revision, a reused event id) rolls back only its own rows, and its batch-mates still commit.
 */
export async function appendEachWithin(trx: Db, batch: readonly PendingAppend[]): Promise<AppendSettlement[]> {
  const settlements: AppendSettlement[] = [];
  for (const { stream, events, expected } of batch) {
    await sql`savepoint kluis_append`.execute(trx);
    try {
      const outcome = await appendWithin(trx, stream, events, expected);
      await sql`release savepoint kluis_append`.execute(trx);
      settlements.push({ ok: true, outcome });
    } catch (error) {
      await sql`rollback to savepoint kluis_append`.execute(trx);
      await sql`release savepoint kluis_append`.execute(trx);
      settlements.push({ ok: false, error });
    }
  }
  return settlements;
}

export const totalEvents = (batch: readonly PendingAppend[]): number => batch.reduce((sum, { events }) => sum + events.length, 0);
