/** The characters an MRZ may hold (ICAO Doc 9303 Part 3): capital letters, digits and the filler `<`. */
export const MRZ_CHARACTER = /^[A-Z0-9<]$/;

/** Value of one MRZ character in a check digit: digits are themselves, A-Z are 10..35, the filler is 0. */
export function mrzCharacterValue(character: string): number {
  if (character === '<') return 0;
  const code = character.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  throw new RangeError(`'${character}' is not an MRZ character`);
}

const WEIGHTS = [7, 3, 1] as const;

/** ICAO 9303 Part 3 §4.9: weights 7, 3, 1 repeating, sum modulo 10. */
export function computeCheckDigit(characters: string): number {
  let sum = 0;
  for (let index = 0; index < characters.length; index += 1) {
    sum += mrzCharacterValue(characters[index]) * WEIGHTS[index % 3];
  }
  return sum % 10;
}
