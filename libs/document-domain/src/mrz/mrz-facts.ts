import { holderNameMatches } from './holder-name-match';
import type { ParsedMrz } from './parsed-mrz';

export type MrzFactName = 'documentNumber' | 'issuingCountry' | 'holderName' | 'dateOfBirth' | 'expiresOn';
export type MrzFacts = Record<MrzFactName, string>;

export interface FactMismatch {
  readonly field: MrzFactName;
  /** The MRZ's value, written as the fact would be. */
  readonly mrz: string;
  /** What the reviewer typed, unchanged. */
  readonly typed: string;
}

/**
 * The facts an MRZ states, as a reviewer would record them. Germany's MRZ code `D` becomes `DEU`; the holder name
 * is `GIVEN NAMES SURNAME` as the MRZ spells it (capitals, no accents, perhaps cut short).
 */
export function factsFromMrz(mrz: ParsedMrz): MrzFacts {
  return {
    documentNumber: mrz.documentNumber,
    issuingCountry: countryCode(mrz.issuingState),
    holderName: `${mrz.givenNames} ${mrz.surname}`.trim(),
    dateOfBirth: mrz.dateOfBirth,
    expiresOn: mrz.expiresOn,
  };
}

/**
 * Fills the facts a reviewer left blank from the MRZ and lists those typed differently. A typed value is kept as
 * typed (the caller decides what a mismatch means); other facts (`issuedOn`, `address`…) pass through untouched.
 * Document numbers are compared on letters and digits only, countries ignoring case, dates exactly, names by
 * `holderNameMatches`.
 */
export function crossCheckFacts<F extends Readonly<Record<string, string | undefined>>>(
  mrz: ParsedMrz,
  facts: F,
): { facts: F & MrzFacts; mismatches: FactMismatch[] } {
  const fromMrz = factsFromMrz(mrz);
  const filled: Record<string, string | undefined> = { ...facts };
  const mismatches: FactMismatch[] = [];
  for (const field of Object.keys(fromMrz) as MrzFactName[]) {
    const typed = facts[field];
    if (typed === undefined || typed.trim() === '') {
      filled[field] = fromMrz[field];
    } else if (!SAME[field](typed, fromMrz[field], mrz)) {
      mismatches.push({ field, mrz: fromMrz[field], typed });
    }
  }
  return { facts: filled as F & MrzFacts, mismatches };
}

const SAME: Record<MrzFactName, (typed: string, fromMrz: string, mrz: ParsedMrz) => boolean> = {
  documentNumber: (typed, fromMrz) => typed.toUpperCase().replace(/[^A-Z0-9]/g, '') === fromMrz,
  issuingCountry: (typed, fromMrz) => countryCode(typed.trim().toUpperCase()) === fromMrz,
  holderName: (typed, _fromMrz, mrz) => holderNameMatches(typed, mrz),
  dateOfBirth: (typed, fromMrz) => typed.trim() === fromMrz,
  expiresOn: (typed, fromMrz) => typed.trim() === fromMrz,
};

/** Doc 9303 Part 3 writes Germany as `D` in an MRZ; everywhere else it is ISO 3166 `DEU`. */
function countryCode(code: string): string {
  return code === 'D' ? 'DEU' : code;
}
