import type { Aggregate } from '@kluis/document-domain';
import { type EventStore, type NewEvent, WrongExpectedRevisionError } from '@kluis/event-store';
import { randomUUID } from 'node:crypto';
import type { EventMetadata } from './event-metadata';
import { type Loaded, loadStream } from './load-stream';
import { StaleRevision } from './stale-revision.error';

export interface CommandRequest<Command, Event, State, Context> {
  /** The command, or how to make it from the loaded state when it needs what the stream holds. */
  readonly command: Command | ((loaded: Loaded<State>) => Command | Promise<Command>);
  readonly context: Context;
  readonly metadata: EventMetadata;
  /** The customer the events are about, when the stream knows it and the command does not: sealing needs it. */
  readonly subject?: (state: State) => string | undefined;
  /** The revision the caller last saw (If-Match). A mismatch is a StaleRevision, never a silent overwrite. */
  readonly expectedRevision?: number;
  /**
   * Checks access on the loaded state. It runs before the revision is compared, so a caller who may not know the
   * stream exists learns nothing from a stale If-Match; and on the first load only, since what it reads (whose the
   * stream is, what it holds) stays the same when a concurrent write makes the command decide again.
   */
  readonly authorize?: (loaded: Loaded<State>) => Promise<void> | void;
  /** Runs on what the decision would record, before it is appended: checks that reach beyond this stream. */
  readonly beforeAppend?: (events: readonly Event[], state: State) => Promise<void>;
  /** Runs once the events are appended: what follows them outside the event store, such as the blob store's locks. */
  readonly afterAppend?: (events: readonly Event[], state: State) => Promise<void>;
}

export interface CommandOutcome<Event, State> {
  readonly state: State;
  readonly events: readonly Event[];
  readonly revision: number;
  /** Global position of the last appended event; null when the command changed nothing. */
  readonly position: number | null;
}

/**
 * The one place that does I/O for commands: read the stream and fold it once, check access, decide, append with the
 * expected revision. A concurrent write is retried once against the fresh state; when the caller pinned a revision
 * it is reported instead.
 */
export async function runCommand<Command, Event extends { type: string; data: object }, State, Context>(
  store: EventStore,
  aggregate: Aggregate<Command, Event, State, Context>,
  id: string,
  request: CommandRequest<Command, Event, State, Context>,
): Promise<CommandOutcome<Event, State>> {
  const { decider } = aggregate;
  for (let attempt = 1; ; attempt += 1) {
    const loaded = await loadStream(store, aggregate, id);
    const { state, exists } = loaded;
    if (attempt === 1) await request.authorize?.(loaded);
    if (request.expectedRevision !== undefined && loaded.revision !== request.expectedRevision) {
      throw new StaleRevision(request.expectedRevision, exists ? loaded.revision : 'no_stream');
    }
    const command = typeof request.command === 'function' ? await (request.command as (loaded: Loaded<State>) => Command | Promise<Command>)(loaded) : request.command;
    const events = decider.decide(command, state, request.context);
    if (events.length === 0) return { state, events, revision: loaded.revision, position: null };
    await request.beforeAppend?.(events, state);
    const subject = request.subject?.(state);
    const metadata = subject === undefined ? request.metadata : { ...request.metadata, subject };
    const toAppend: NewEvent[] = events.map((event) => ({
      id: randomUUID(),
      type: event.type,
      version: aggregate.eventVersions[event.type as Event['type']],
      data: event.data as NewEvent['data'],
      metadata,
    }));
    const appended = await store.append(aggregate.streamName(id), toAppend, exists ? loaded.revision : 'no_stream').catch((error: unknown) => {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (request.expectedRevision !== undefined) throw new StaleRevision(request.expectedRevision, error.actual);
      if (attempt >= 2) throw error;
      return null;
    });
    if (appended === null) continue;
    const changed = events.reduce(decider.evolve, state);
    await request.afterAppend?.(events, changed);
    return { state: changed, events, revision: appended.revision, position: appended.position };
  }
}
