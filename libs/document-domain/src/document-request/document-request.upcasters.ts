import type { UpcasterChain } from '../upcasting/upcaster-chain';

/** Every request event is still at its first version: nothing to climb. */
export const DOCUMENT_REQUEST_UPCASTERS: UpcasterChain = {};
