import type { UpcasterChain } from '../upcasting/upcaster-chain';
import { documentSubmittedV1ToV2 } from './document-submitted-evidence-kind';

/** Every step from an old document event schema to the next one. Add one here when a version is bumped. */
export const DOCUMENT_UPCASTERS: UpcasterChain = {
  DocumentSubmitted: { 1: documentSubmittedV1ToV2 },
};
