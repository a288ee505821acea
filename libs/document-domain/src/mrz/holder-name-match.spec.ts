import { holderNameMatches } from './holder-name-match';

const anna = { surname: 'ERIKSSON', givenNames: 'ANNA MARIA', nameMayBeTruncated: false };

describe('comparing a typed holder name with the MRZ name', () => {
  it.each([
    'ERIKSSON ANNA MARIA',
    'Anna Maria Eriksson',
    'Eriksson, Anna-Maria',
    '  anna   maria  eriksson ',
    'AnnaMaria Eriksson',
    'Ánna María Ériksson',
  ])('accepts %p: case, spacing, punctuation, accents and order do not matter', (typed) => {
    expect(holderNameMatches(typed, anna)).toBe(true);
  });

  it.each([
    ['a misspelt surname', 'Anna Maria Erikson'],
    ['a missing given name', 'Anna Eriksson'],
    ['an extra given name', 'Anna Maria Louise Eriksson'],
    ['given names in another order', 'Maria Anna Eriksson'],
    ['another person', 'Peter Eriksson'],
    ['a name in another script', 'Анна Мария Эрикссон'],
  ])('reports %s', (_case, typed) => {
    expect(holderNameMatches(typed, anna)).toBe(false);
  });

  it.each([
    ['Müller', 'MUELLER'],
    ['Müller', 'MULLER'],
    ['Sørensen', 'SOERENSEN'],
    ['Sørensen', 'SORENSEN'],
    ['Ångström', 'AANGSTROEM'],
    ['Ångström', 'ANGSTROM'],
    ['Strauß', 'STRAUSS'],
    ['Ægir', 'AEGIR'],
    ['Þórsdóttir', 'THORSDOTTIR'],
    ['Łukasiewicz', 'LUKASIEWICZ'],
    ['Núñez', 'NUNEZ'],
    ["O'Brien", 'OBRIEN'],
  ])('accepts %s written %s, as Doc 9303 transliterates it', (typed, surname) => {
    expect(holderNameMatches(typed, { surname, givenNames: '', nameMayBeTruncated: false })).toBe(true);
  });

  it('does not let one transliteration stand for another letter', () => {
    expect(holderNameMatches('Müller', { surname: 'MOLLER', givenNames: '', nameMayBeTruncated: false })).toBe(false);
  });

  describe('a name the issuer may have cut short (it fills the whole MRZ field)', () => {
    const cut = { surname: 'DE LA CRUZ RODRIGUEZ', givenNames: 'MARIA DEL CAR', nameMayBeTruncated: true };

    it('accepts the full name, surname first or given names first', () => {
      expect(holderNameMatches('DE LA CRUZ RODRÍGUEZ María del Carmen', cut)).toBe(true);
      expect(holderNameMatches('María del Carmen de la Cruz Rodríguez', cut)).toBe(true);
    });

    it('still reports a full name that differs in the part the MRZ shows', () => {
      expect(holderNameMatches('María del Pilar de la Cruz Rodríguez', cut)).toBe(false);
    });

    it('does not accept a longer name when the MRZ field was not full', () => {
      expect(holderNameMatches('María del Carmen de la Cruz Rodríguez', { ...cut, nameMayBeTruncated: false })).toBe(
        false,
      );
    });

    it('leaves names cut to initials to a person', () => {
      const initials = { surname: 'ERIKSSON', givenNames: 'A M', nameMayBeTruncated: true };
      expect(holderNameMatches('Anna Maria Eriksson', initials)).toBe(false);
    });
  });
});
