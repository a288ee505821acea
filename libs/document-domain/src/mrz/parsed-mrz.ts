import type { MrzError } from './mrz-error';

/** ICAO 9303 layouts: TD1 ID cards (3 × 30), TD2 (2 × 36), TD3 passports (2 × 44). */
export type MrzFormat = 'TD1' | 'TD2' | 'TD3';

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
  /** `YYYY-MM-DD` */
  readonly dateOfBirth: string;
  /** `X` where the MRZ has `<` (unspecified). */
  readonly sex: MrzSex;
  /** `YYYY-MM-DD` */
  readonly expiresOn: string;
  /** Issuer-defined data (a TD3's personal number), trailing fillers removed; empty when unused. */
  readonly optionalData: string;
}

export interface ParsedTd3OrTd2 extends ParsedMrzBase {
  readonly format: 'TD3' | 'TD2';
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
}
