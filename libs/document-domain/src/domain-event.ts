/** A domain event: plain JSON with a string `type`. Storage adds the id, schema version and metadata. */
export interface DomainEvent<Type extends string, Data extends object> {
  readonly type: Type;
  readonly data: Data;
}

/** Who did something. The domain only needs an identity and what kind of actor it is. */
export interface Actor {
  readonly id: string;
  readonly kind: 'customer' | 'staff' | 'department';
  readonly department?: string;
}

/** A pure aggregate: decide what happens, then fold what happened. Time and policy come in as data. */
export interface Decider<Command, Event, State, Context> {
  readonly initialState: State;
  decide(command: Command, state: State, context: Context): Event[];
  evolve(state: State, event: Event): State;
}
