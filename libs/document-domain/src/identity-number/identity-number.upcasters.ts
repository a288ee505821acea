import type { UpcasterChain } from '../upcasting/upcaster-chain';

/** Every identity-number event is still at its first version: nothing to climb. */
export const IDENTITY_NUMBER_UPCASTERS: UpcasterChain = {};
