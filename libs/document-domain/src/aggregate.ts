import type { Decider } from './domain-event';
import { eventReader } from './upcasting/event-reader';
import type { UpcasterChain } from './upcasting/upcaster-chain';

type EventShape = { readonly type: string; readonly data: object };

/** Where a field sits in an event's data: a top-level field, or one field of an object-valued one (`file.filename`). */
export type FieldPath<Data> = {
  [Key in keyof Data & string]: Key | (NonNullable<Data[Key]> extends readonly unknown[] ? never : NonNullable<Data[Key]> extends object ? `${Key}.${keyof NonNullable<Data[Key]> & string}` : never);
}[keyof Data & string];

/** A personal field of one event, and what the domain reads in its place once the customer's key is destroyed. */
export interface PersonalField<Data = Record<string, unknown>> {
  readonly path: FieldPath<Data>;
  readonly absent: null | string | Readonly<Record<string, never>>;
}

/**
 * The personal fields of every event type of an aggregate, typed over each event's data: a new event type does not
 * compile until it is declared here, if only as `[]`, and a renamed field does not compile until its path follows.
 */
export type PersonalFields<Event extends EventShape> = {
  readonly [Type in Event['type']]: readonly PersonalField<Extract<Event, { type: Type }>['data']>[];
};

/** What the domain declares once per aggregate; everything that stores, reads or seals its events reads it here. */
export interface AggregateDeclaration<Command, Event extends EventShape, State, Context> {
  /** A stable name for the aggregate, as checks and logs name it. */
  readonly name: string;
  /** Every stream of the aggregate is this prefix followed by the aggregate's id. */
  readonly streamPrefix: string;
  readonly decider: Decider<Command, Event, State, Context>;
  /** The schema version written for each event type today. Bump it together with an upcaster for the old one. */
  readonly eventVersions: Readonly<Record<Event['type'], number>>;
  readonly upcasters: UpcasterChain;
  readonly personalFields: PersonalFields<Event>;
}

export interface Aggregate<Command, Event extends EventShape, State, Context> extends AggregateDeclaration<Command, Event, State, Context> {
  streamName(id: string): string;
  /** Turns a stored event of any known version into today's shape; refuses a type or version it does not know. */
  read(type: string, version: number, data: object): Event;
}

/** What code that handles every aggregate alike (sealing, checks over all declarations) reads of one. */
export interface DeclaredAggregate {
  readonly name: string;
  readonly streamPrefix: string;
  readonly eventVersions: Readonly<Record<string, number>>;
  readonly upcasters: UpcasterChain;
  readonly personalFields: Readonly<Record<string, readonly { readonly path: string; readonly absent: PersonalField['absent'] }[]>>;
}

export function defineAggregate<Command, Event extends EventShape, State, Context>(
  declaration: AggregateDeclaration<Command, Event, State, Context>,
): Aggregate<Command, Event, State, Context> {
  return {
    ...declaration,
    streamName: (id) => `${declaration.streamPrefix}${id}`,
    read: eventReader<Event>(declaration.eventVersions, declaration.upcasters),
  };
}
