export { MissingUpcaster, missingUpcasters, upcast } from './upcaster-chain';
export type { EventData, Upcaster, UpcasterChain } from './upcaster-chain';
export { eventReader, UnknownEventSchema } from './event-reader';
