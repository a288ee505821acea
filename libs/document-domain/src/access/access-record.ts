import type { AccessEvent, AccessWitness } from './access.events';

type RecordOf<E extends AccessEvent> = E extends AccessEvent ? { readonly type: E['type'] } & Omit<E['data'], keyof AccessWitness> : never;

/** What a read or refusal is, as whoever serves it knows it: the event without who, whose and when. */
export type AccessRecord = RecordOf<AccessEvent>;

/** The access event for `record`, witnessed as `witness` says. */
export function accessEvent(record: AccessRecord, { customerId, by, role, department, at }: AccessWitness): AccessEvent {
  const { type, ...details } = record;
  return { type, data: { customerId, by, role, department, ...details, at } } as AccessEvent;
}
