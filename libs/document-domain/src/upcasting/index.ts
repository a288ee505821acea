export { MissingUpcaster, missingUpcasters, upcast } from './upcaster-chain';
export type { EventData, Upcaster, UpcasterChain } from './upcaster-chain';
export { DOCUMENT_UPCASTERS } from './document-upcasters';
export { documentSubmittedV1ToV2 } from './document-submitted-evidence-kind';
export { eventReader, UnknownEventSchema } from './event-reader';
