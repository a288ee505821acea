import type * as pkijs from 'pkijs';

const SHORT_NAMES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
};

/** A certificate name as reviewers read it: `C=UTO, O=Utopia, CN=Utopia CSCA`. */
export function distinguishedName(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((entry) => `${SHORT_NAMES[entry.type] ?? entry.type}=${String(entry.value.valueBlock.value)}`)
    .join(', ');
}
