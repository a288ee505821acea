import type { Decider } from '@kluis/document-domain';
import { type EventStore, type NewEvent, type RecordedEvent, WrongExpectedRevisionError } from '@kluis/event-store';
import { randomUUID } from 'node:crypto';
import type { EventMetadata } from './event-metadata';
import { StaleRevision } from './stale-revision.error';

/** What the runner needs to know about one kind of aggregate. */
export interface AggregateKind<Command, Event extends { type: string; data: object }, State, Context> {
  readonly decider: Decider<Command, Event, State, Context>;
  streamName(id: string): string;
  read(recorded: RecordedEvent): Event;
  schemaVersion(event: Event): number;
}

export interface CommandOutcome<Event, State> {
  readonly state: State;
  readonly events: readonly Event[];
  readonly revision: number;
  /** Global position of the last appended event; null when the command changed nothing. */
  readonly position: number | null;
}

export interface RunOptions {
  readonly metadata: EventMetadata;
  /** The revision the caller last saw (If-Match). A mismatch is a StaleRevision, never a silent overwrite. */
  readonly expectedRevision?: number;
}

/**
 * The one place that does I/O for commands: read the stream, fold it, decide, append with the expected revision.
 * A concurrent write is retried once against the fresh state; when the caller pinned a revision it is reported.
 */
export async function runCommand<Command, Event extends { type: string; data: object }, State, Context>(
  store: EventStore,
  kind: AggregateKind<Command, Event, State, Context>,
  id: string,
  command: Command,
  context: Context,
  options: RunOptions,
): Promise<CommandOutcome<Event, State>> {
  const stream = kind.streamName(id);
  for (let attempt = 1; ; attempt += 1) {
    const current = await store.readStream(stream);
    if (options.expectedRevision !== undefined && current.revision !== options.expectedRevision) {
      throw new StaleRevision(options.expectedRevision, current.revision);
    }
    const state = current.events.map((recorded) => kind.read(recorded)).reduce(kind.decider.evolve, kind.decider.initialState);
    const events = kind.decider.decide(command, state, context);
    const revision = current.revision === 'no_stream' ? -1 : current.revision;
    if (events.length === 0) return { state, events, revision, position: null };
    const toAppend: NewEvent[] = events.map((event) => ({
      id: randomUUID(),
      type: event.type,
      version: kind.schemaVersion(event),
      data: event.data as NewEvent['data'],
      metadata: options.metadata,
    }));
    try {
      const appended = await store.append(stream, toAppend, current.revision);
      return { state: events.reduce(kind.decider.evolve, state), events, revision: appended.revision, position: appended.position };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (options.expectedRevision !== undefined) throw new StaleRevision(options.expectedRevision, error.actual);
      if (attempt >= 2) throw error;
    }
  }
}
