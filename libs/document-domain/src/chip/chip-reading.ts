import type { DomainEvent } from '../domain-event';
import type { Facts } from '../facts';

/** A stored chip reading is JSON of its files in base64: EF.SOD and every data group, as the app read them. */
export const CHIP_READING_MEDIA_TYPE = 'application/vnd.kluis.chip-reading+json';

/** How strongly a verified document proves what it says: a copy checked by staff, or a chip that passed passive authentication. */
export const ASSURANCE_LEVELS = ['review', 'chip'] as const;
export type Assurance = (typeof ASSURANCE_LEVELS)[number];

export const assuranceRank = (assurance: Assurance): number => ASSURANCE_LEVELS.indexOf(assurance);

/** The app's own report of chip or active authentication, which it ran before reading: recorded, not verified here. */
export const CHIP_AUTHENTICATION_OUTCOMES = ['passed', 'failed', 'not-performed'] as const;
export type ChipAuthentication = (typeof CHIP_AUTHENTICATION_OUTCOMES)[number];

/** The steps of passive authentication, in the order they run. */
export const CHIP_STEPS = ['sod-structure', 'sod-signature', 'signer-validity', 'csca-chain', 'revocation', 'data-group-hashes', 'dg1-mrz'] as const;
export type ChipStepName = (typeof CHIP_STEPS)[number];

export interface ChipCheckStep {
  readonly step: string;
  readonly outcome: 'passed' | 'failed' | 'not-checked';
  readonly code: string | null;
  readonly detail: string;
}

/** What passive authentication made of the reading, as the vault's verifier reported it. */
export interface ChipCheck {
  readonly passed: boolean;
  readonly failureCode: string | null;
  readonly steps: readonly ChipCheckStep[];
  readonly signedAt: string | null;
  readonly documentSigner: string | null;
  readonly csca: string | null;
  readonly chipAuthentication: ChipAuthentication;
  /** The identity facts DG1 states; empty when DG1 could not be read. */
  readonly facts: Facts;
}

/**
 * How the chip's holder compares with the identity the customer already proved: `mismatch` keeps a passing reading
 * from becoming evidence until a reviewer has looked.
 */
export const HOLDER_CHECKS = ['match', 'mismatch', 'no-verified-identity', 'not-checked'] as const;
export type HolderCheck = (typeof HOLDER_CHECKS)[number];

export type ChipReadingChecked = DomainEvent<
  'ChipReadingChecked',
  ChipCheck & { documentId: string; holderCheck: HolderCheck; checkedAt: string }
>;
