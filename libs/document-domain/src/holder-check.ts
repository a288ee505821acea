import type { Facts } from './facts';
import { holderNamesMatch } from './mrz';

/** Who the customer is, as a verified identity document of theirs says. */
export interface KnownHolder {
  readonly holderName: string;
  readonly dateOfBirth: string;
}

export const HOLDER_FIELDS = ['holderName', 'dateOfBirth'] as const;
export type HolderField = (typeof HOLDER_FIELDS)[number];

/**
 * The holder fields on which a new identity document disagrees with any of the customer's verified ones. Names are
 * compared after ICAO 9303 transliteration, in any order; a date of birth partly unknown (`1974-08`, `1974`) agrees
 * with a full one that it begins.
 */
export function holderMismatch(facts: Facts, known: readonly KnownHolder[]): HolderField[] {
  const differs: Record<HolderField, (holder: KnownHolder) => boolean> = {
    holderName: (holder) => !holderNamesMatch(facts.holderName ?? '', holder.holderName),
    dateOfBirth: (holder) => !birthDatesAgree(facts.dateOfBirth ?? '', holder.dateOfBirth),
  };
  return HOLDER_FIELDS.filter((field) => known.some(differs[field]));
}

function birthDatesAgree(first: string, second: string): boolean {
  const [shorter, longer] = first.length <= second.length ? [first.trim(), second.trim()] : [second.trim(), first.trim()];
  return shorter !== '' && (longer === shorter || longer.startsWith(`${shorter}-`));
}
