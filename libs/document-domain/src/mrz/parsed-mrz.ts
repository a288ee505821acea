import type { MrzError } from './mrz-error';

/**
 * ICAO 9303 layouts: TD1 ID cards (3 × 30), TD2 (2 × 36), TD3 passports (2 × 44), and the visas of Part 7, MRV-A
 * (2 × 44) and MRV-B (2 × 36).
 */
export type MrzFormat = 'TD1' | 'TD2' | 'TD3' | 'MRV-A' | 'MRV-B';

export type MrzSex = 'F' | 'M' | 'X';

interface ParsedMrzBase {
  /** The lines as validated: trimmed and upper-cased. */
  readonly lines: readonly string[];
  /** `P`, `I`, `ID`, `AC`…: the two-character code without its filler. */
  readonly documentCode: string;
  /** Three-letter code without fillers; Germany is `D` in an MRZ. */
  readonly issuingState: string;
  readonly surname: string;
  /** Given names separated by single spaces; empty when the document has none. */
  readonly givenNames: string;
  /** True when the name fills its whole field, so the issuer may have cut it short. */
  readonly nameMayBeTruncated: boolean;
  /** Without fillers; a TD1/TD2 number longer than nine characters is joined back from the optional data. */
  readonly documentNumber: string;
  readonly nationality: string;
  /** `YYYY-MM-DD`; `YYYY-MM` or `YYYY` when the document gives the day, or the month and day, as unknown. */
  readonly dateOfBirth: string;
  /** `X` where the MRZ has `<` (unspecified). */
  readonly sex: MrzSex;
  /** `YYYY-MM-DD` */
  readonly expiresOn: string;
  /** Issuer-defined data (a TD3's personal number), trailing fillers removed; empty when unused. */
  readonly optionalData: string;
}

/** The two-line layouts; a visa's optional data runs to the end of its line, with no check digit of its own. */
export interface ParsedTd3OrTd2 extends ParsedMrzBase {
  readonly format: 'TD3' | 'TD2' | 'MRV-A' | 'MRV-B';
}

export interface ParsedTd1 extends ParsedMrzBase {
  readonly format: 'TD1';
  /** The second optional data field, on the middle line. */
  readonly optionalData2: string;
}

export type ParsedMrz = ParsedTd3OrTd2 | ParsedTd1;

export type MrzResult =
  | { readonly ok: true; readonly mrz: ParsedMrz }
  | { readonly ok: false; readonly errors: readonly MrzError[] };

export interface ParseMrzOptions {
  /** Decides the century of two-digit years. Passed in so that parsing stays pure. */
  readonly today: Date;
  /**
   * Accept Doc 9303's specimen state, Utopia (`UTO`), as a real one: for tests and training only. Off unless set,
   * so that a caller who forgets it never lets a specimen pass as a customer's document.
   */
  readonly specimens?: boolean;
}
