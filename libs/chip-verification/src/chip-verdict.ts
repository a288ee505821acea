import type { ChipStepName, MrzFacts, ParsedMrz } from '@kluis/document-domain';
import type { ChipFailureCode } from './chip-failure';

export interface ChipStep {
  readonly step: ChipStepName;
  /** `not-checked`: an earlier step failed in a way that leaves nothing to check this one against. */
  readonly outcome: 'passed' | 'failed' | 'not-checked';
  readonly code: ChipFailureCode | null;
  readonly detail: string;
}

export interface ChipCertificateSummary {
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly notBefore: string;
  readonly notAfter: string;
}

/** What passive authentication made of a reading: a reviewer can follow every step. */
export interface ChipVerdict {
  readonly passed: boolean;
  /** The first failed step's code and why; null when every step passed. */
  readonly failure: { readonly code: ChipFailureCode; readonly message: string } | null;
  readonly steps: readonly ChipStep[];
  /** The SOD's signingTime, or null when it has none (the signer's validity is then judged now). */
  readonly signedAt: string | null;
  readonly documentSigner: ChipCertificateSummary | null;
  readonly csca: ChipCertificateSummary | null;
  readonly hashAlgorithm: string | null;
  /** The data group numbers the SOD signs. */
  readonly signedDataGroups: readonly number[];
  readonly mrz: ParsedMrz | null;
  readonly facts: MrzFacts | null;
}
