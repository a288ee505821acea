/** ICAO 9303 Part 3 §4.9: digits are themselves, A-Z are 10 to 35, the filler `<` is 0; weights 7, 3, 1 repeating. */
export function checkDigitOf(characters: string): number {
  let sum = 0;
  for (let index = 0; index < characters.length; index += 1) {
    sum += characterValue(characters[index]) * WEIGHTS[index % 3];
  }
  return sum % 10;
}

const WEIGHTS = [7, 3, 1] as const;

function characterValue(character: string): number {
  if (character === '<') return 0;
  const code = character.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  throw new RangeError(`'${character}' is not an MRZ character`);
}
