import type { UpcasterChain } from '../upcasting/upcaster-chain';

/** Every customer retention event is still at its first version: nothing to climb. */
export const CUSTOMER_RETENTION_UPCASTERS: UpcasterChain = {};
