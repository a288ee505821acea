/** The stored JSON of one event, as read back from the event store. */
export type EventData = Readonly<Record<string, unknown>>;

/** Turns the data of an event at version N into the data of version N + 1. Pure: no I/O, no clock. */
export type Upcaster = (data: EventData) => Record<string, unknown>;

/** For each event type, the step up from each old version: `{ DocumentSubmitted: { 1: v1ToV2 } }`. */
export type UpcasterChain = Readonly<Record<string, Readonly<Record<number, Upcaster>>>>;

/** An old version with no step up to the next: the event cannot be read, and guessing would be worse. */
export class MissingUpcaster extends Error {
  readonly code = 'EVENT.MISSING_UPCASTER';
  constructor(
    readonly type: string,
    readonly fromVersion: number,
  ) {
    super(`no upcaster from ${type} v${fromVersion} to v${fromVersion + 1}`);
    this.name = 'MissingUpcaster';
  }
}

/**
 * Brings the data of a `type` event stored at `version` up to `current`, one version at a time, so each upcaster
 * only ever knows two neighbouring shapes. Stored events are never rewritten: old versions are read as new.
 */
export function upcast(chain: UpcasterChain, type: string, version: number, current: number, data: EventData): EventData {
  let upcasted = data;
  for (let from = version; from < current; from += 1) {
    const step = chain[type]?.[from];
    if (!step) throw new MissingUpcaster(type, from);
    upcasted = step(upcasted);
  }
  return upcasted;
}

/** Every step a chain needs to read each version below `current` of each type; a gap is named, not found at read. */
export function missingUpcasters(chain: UpcasterChain, current: Readonly<Record<string, number>>): string[] {
  const missing: string[] = [];
  for (const [type, version] of Object.entries(current)) {
    for (let from = 1; from < version; from += 1) if (!chain[type]?.[from]) missing.push(`${type} v${from}`);
  }
  return missing;
}
