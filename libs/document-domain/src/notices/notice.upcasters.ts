import type { UpcasterChain } from '../upcasting/upcaster-chain';

/** Every notice event is still at its first version: nothing to climb. */
export const NOTICE_UPCASTERS: UpcasterChain = {};
