/** Facts a reviewer reads from a document. Departments get these instead of the file. */
export const FACT_NAMES = [
  'documentNumber',
  'issuingCountry',
  'holderName',
  'dateOfBirth',
  'expiresOn',
  'issuedOn',
  'address',
  'notary',
  'deedDate',
  'grantor',
  'attorney',
  'scope',
  'companyName',
  'registrationNumber',
] as const;
export type FactName = (typeof FACT_NAMES)[number];
export type Facts = Partial<Record<FactName, string>>;

/** Facts whose values are calendar dates, `YYYY-MM-DD`. */
export const DATE_FACTS: readonly FactName[] = ['dateOfBirth', 'expiresOn', 'issuedOn', 'deedDate'];

export function missingFacts(facts: Facts, required: readonly FactName[]): FactName[] {
  return required.filter((name) => !facts[name]?.trim());
}

/** Fields on which two reviewers read a document differently. Comparison ignores case and spacing. */
export function differingFacts(first: Facts, second: Facts): FactName[] {
  const normalise = (value: string | undefined) => (value ?? '').trim().replace(/\s+/g, ' ').toUpperCase();
  const names = new Set([...Object.keys(first), ...Object.keys(second)] as FactName[]);
  return [...names].filter((name) => normalise(first[name]) !== normalise(second[name])).sort();
}
