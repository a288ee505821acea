import type { RecordedEvent } from '@kluis/event-store';
import type { Transaction } from 'kysely';
import type { ReadModelSchema } from '../database/read-model.schema';

/** A read model fed from the event store. `apply` runs inside the transaction that also moves its checkpoint. */
export interface Projection {
  readonly name: string;
  readonly streamPrefixes: readonly string[];
  apply(trx: Transaction<ReadModelSchema>, event: RecordedEvent): Promise<void>;
  /**
   * Removes every row the projection wrote, for a rebuild from zero. The tables it empties are the ones a rebuild
   * beside the live read model copies and swaps in, so it names every table the projection writes.
   */
  reset(trx: Transaction<ReadModelSchema>): Promise<void>;
}
