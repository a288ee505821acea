/**
 * Whether a holder name typed by a reviewer is the name in the MRZ. Lenient on what an MRZ cannot show and on how
 * people type, strict on letters:
 * - only letters are compared: case, spaces, hyphens, commas and apostrophes are ignored;
 * - accents are dropped (É = E, Ç = C, Ñ = N); the letters Doc 9303 Part 3 transliterates in two ways match
 *   either form (Ä = AE or A, Å = AA or A, Ö and Ø = OE or O, Ü = UE or U); Æ = AE, Œ = OE, ß = SS, Þ = TH,
 *   Ð = D, Ł = L;
 * - either order: `ERIKSSON Anna Maria` or `Anna Maria Eriksson`;
 * - when the MRZ name fills its whole field the issuer may have cut it short, so the typed name need only begin
 *   with it (surname first), or begin with its given names and end with its surname (given names first).
 * A different, missing or extra letter or name is a mismatch, and so are names cut to initials: a person judges.
 */
export function holderNameMatches(
  typed: string,
  mrz: { readonly surname: string; readonly givenNames: string; readonly nameMayBeTruncated: boolean },
): boolean {
  const surname = lettersOf(mrz.surname);
  const givenNames = lettersOf(mrz.givenNames);
  return spellings(typed).some(
    (spelling) =>
      spelling === surname + givenNames ||
      spelling === givenNames + surname ||
      (mrz.nameMayBeTruncated &&
        (spelling.startsWith(surname + givenNames) ||
          (spelling.endsWith(surname) && spelling.slice(0, spelling.length - surname.length).startsWith(givenNames)))),
  );
}

/**
 * Whether two names written by people (one document's holder and another's) are the same name, by the letter rules
 * above: case, accents, punctuation and the order of the names do not matter, a two-way letter matches either of its
 * forms (Müller = Mueller = Muller), and every name must be there on both sides. Names cut short or reduced to
 * initials are a mismatch: a person judges.
 */
export function holderNamesMatch(first: string, second: string): boolean {
  const theirs = nameParts(second);
  const ours = nameParts(first);
  if (ours.length === 0 || ours.length !== theirs.length) return false;
  const unmatched = [...theirs];
  return ours.every((part) => {
    const index = unmatched.findIndex((other) => other.some((spelling) => part.includes(spelling)));
    if (index < 0) return false;
    unmatched.splice(index, 1);
    return true;
  });
}

/** Each name of a full name with its possible spellings; hyphens and commas part names, apostrophes do not. */
function nameParts(name: string): string[][] {
  return name
    .split(/[\s,\-‐–]+/u)
    .map((part) => spellings(part).filter((spelling) => spelling !== ''))
    .filter((forms) => forms.length > 0);
}

const EITHER_FORM: Readonly<Record<string, readonly string[]>> = {
  Ä: ['AE', 'A'],
  Å: ['AA', 'A'],
  Ö: ['OE', 'O'],
  Ø: ['OE', 'O'],
  Ü: ['UE', 'U'],
};

const ONE_FORM: Readonly<Record<string, string>> = {
  Æ: 'AE',
  Œ: 'OE',
  Þ: 'TH',
  Ð: 'D',
  Đ: 'D',
  Ł: 'L',
  Ħ: 'H',
  Ŋ: 'N',
};

/** Past this many two-way letters the rest take their first form, which bounds the spellings at 2^10. */
const MAX_EITHER_FORM_LETTERS = 10;

function spellings(typed: string): string[] {
  let results = [''];
  let eitherFormLetters = 0;
  for (const character of typed.normalize('NFC').toUpperCase()) {
    const forms = EITHER_FORM[character];
    if (forms && eitherFormLetters < MAX_EITHER_FORM_LETTERS) {
      eitherFormLetters += 1;
      results = results.flatMap((prefix) => forms.map((form) => prefix + form));
    } else {
      const letters = forms ? forms[0] : (ONE_FORM[character] ?? withoutAccents(character));
      results = results.map((prefix) => prefix + letters);
    }
  }
  return results;
}

function withoutAccents(character: string): string {
  return character.normalize('NFD').replace(/[^\p{L}\p{N}]/gu, '');
}

function lettersOf(mrzName: string): string {
  return mrzName.replace(/[^A-Z]/g, '');
}
