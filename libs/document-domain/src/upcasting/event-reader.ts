import { upcast, type EventData, type UpcasterChain } from './upcaster-chain';

export class UnknownEventSchema extends Error {
  readonly code = 'EVENT.UNKNOWN_SCHEMA';
  constructor(
    readonly type: string,
    readonly version: number,
  ) {
    super(`no reader for ${type} v${version}`);
  }
}

/**
 * A reader for one aggregate's stored events: turns an event of any known version into today's shape, climbing its
 * upcasters, and refuses a type or version it does not know, loudly.
 */
export function eventReader<E extends { readonly type: string }>(versions: Readonly<Record<E['type'], number>>, upcasters: UpcasterChain = {}) {
  return (type: string, version: number, data: object): E => {
    const current = Object.hasOwn(versions, type) ? versions[type as E['type']] : undefined;
    if (current === undefined || version < 1 || version > current) throw new UnknownEventSchema(type, version);
    return { type, data: upcast(upcasters, type, version, current, data as EventData) } as unknown as E;
  };
}
