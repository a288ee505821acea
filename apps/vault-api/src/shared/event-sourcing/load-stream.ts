import type { Aggregate } from '@kluis/document-domain';
import type { EventStore, RecordedEvent } from '@kluis/event-store';

/** A stream as it stands: its folded state and revision, -1 while nothing was ever recorded in it. */
export interface Loaded<State> {
  readonly state: State;
  readonly revision: number;
}

/** Reads one stream of an aggregate and folds it: the state as of now, and the revision that state is at. */
export async function loadStream<Command, Event extends { type: string; data: object }, State, Context>(
  store: Pick<EventStore, 'readStream'>,
  aggregate: Aggregate<Command, Event, State, Context>,
  id: string,
): Promise<Loaded<State> & { readonly events: readonly RecordedEvent[]; readonly exists: boolean }> {
  const { events, revision } = await store.readStream(aggregate.streamName(id));
  const { decider } = aggregate;
  const state = events.map((recorded) => aggregate.read(recorded.type, recorded.version, recorded.data)).reduce(decider.evolve, decider.initialState);
  return { state, revision: revision === 'no_stream' ? -1 : revision, events, exists: revision !== 'no_stream' };
}
