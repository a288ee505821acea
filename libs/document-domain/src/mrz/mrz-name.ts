/** ICAO 9303 Part 3 §4.6: `SURNAME<<GIVEN<NAMES<<<`, components joined by one filler, the two parts by two. */
export type MrzNameReading =
  | { readonly ok: true; readonly surname: string; readonly givenNames: string; readonly mayBeTruncated: boolean }
  | { readonly ok: false; readonly reason: string };

export function readNameField(field: string): MrzNameReading {
  if (!/^[A-Z<]+$/.test(field)) return { ok: false, reason: 'may hold only letters and fillers' };
  const name = field.replace(/<+$/, '');
  if (name === '') return { ok: false, reason: 'is empty' };
  const separator = name.indexOf('<<');
  const surname = separator < 0 ? name : name.slice(0, separator);
  const givenNames = separator < 0 ? '' : name.slice(separator + 2);
  return {
    ok: true,
    surname: words(surname),
    givenNames: words(givenNames),
    mayBeTruncated: !field.endsWith('<'),
  };
}

function words(part: string): string {
  return part.split('<').filter((word) => word !== '').join(' ');
}
