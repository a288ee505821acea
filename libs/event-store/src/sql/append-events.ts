import { WrongExpectedRevisionError } from '../event-store.errors';
import type { AppendResult, ExpectedRevision, NewEvent } from '../event-store.port';
import { EventIdAlreadyUsedError } from './event-id-already-used.error';
import { selectRevision, type Db } from './event-queries';

/** Keeps every insert well below the bound-parameter limits of SQLite (32766) and PostgreSQL (65535). */
const ROWS_PER_INSERT = 500;

export interface AppendOutcome {
  readonly result: AppendResult;
  readonly written: boolean;
}

/** Runs inside the dialect's append transaction. */
export async function appendWithin(
  trx: Db,
  stream: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendOutcome> {
  const actual = await selectRevision(trx, stream);
  if (actual !== expected) {
    const earlier = await findEarlierAppend(trx, stream, events, expected);
    if (earlier) return { result: earlier, written: false };
    throw new WrongExpectedRevisionError(stream, expected, actual);
  }
  return { result: await insertEvents(trx, stream, events, expected), written: true };
}

/** A unique key stopped the insert: either a concurrent writer got there first, or the ids were used before. */
export async function explainConflict(
  db: Db,
  stream: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  const earlier = await findEarlierAppend(db, stream, events, expected);
  if (earlier) return earlier;
  const actual = await selectRevision(db, stream);
  if (actual !== expected) throw new WrongExpectedRevisionError(stream, expected, actual);
  const used = await db
    .selectFrom('events')
    .select('event_id')
    .where('event_id', 'in', events.map((event) => event.id))
    .execute();
  throw new EventIdAlreadyUsedError(stream, used.map((row) => row.event_id));
}

/** The result of this very append if it already went through, which makes retrying it safe. */
async function findEarlierAppend(
  db: Db,
  stream: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult | undefined> {
  const first = nextRevision(expected);
  const last = first + events.length - 1;
  const rows = await db
    .selectFrom('events')
    .select(['event_id', 'position'])
    .where('stream', '=', stream)
    .where('revision', '>=', first)
    .where('revision', '<=', last)
    .orderBy('revision')
    .execute();
  const same = rows.length === events.length && rows.every((row, index) => row.event_id === events[index].id);
  return same ? { revision: last, position: Number(rows[rows.length - 1].position) } : undefined;
}

async function insertEvents(
  trx: Db,
  stream: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  const first = nextRevision(expected);
  const recordedAt = new Date().toISOString();
  const rows = events.map((event, index) => ({
    event_id: event.id,
    stream,
    revision: first + index,
    type: event.type,
    version: event.version,
    data: JSON.stringify(event.data),
    metadata: JSON.stringify(event.metadata),
    recorded_at: recordedAt,
  }));
  let position = 0;
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const inserted = await trx
      .insertInto('events')
      .values(rows.slice(start, start + ROWS_PER_INSERT))
      .returning('position')
      .execute();
    position = Math.max(position, ...inserted.map((row) => Number(row.position)));
  }
  return { revision: first + events.length - 1, position };
}

const nextRevision = (expected: ExpectedRevision): number => (expected === 'no_stream' ? 0 : expected + 1);

export function assertAppendable(events: readonly NewEvent[], expected: ExpectedRevision): void {
  if (events.length === 0) throw new RangeError('an append needs at least one event');
  if (expected !== 'no_stream' && !(Number.isSafeInteger(expected) && expected >= 0)) {
    throw new RangeError(`expected revision must be no_stream or a revision (0 or more), got ${String(expected)}`);
  }
}

