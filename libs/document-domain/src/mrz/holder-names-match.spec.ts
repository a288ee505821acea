import { holderNamesMatch } from './holder-name-match';

describe("comparing one document's holder name with another's", () => {
  it.each([
    ['Maria de Vries', 'MARIA DE VRIES'],
    ['Maria de Vries', 'de Vries, Maria'],
    ['Anna Maria Eriksson', 'ERIKSSON ANNA MARIA'],
    ['Anna Maria Eriksson', 'Maria Anna Eriksson'],
    ['Anna-Maria Eriksson', 'ANNA MARIA ERIKSSON'],
    ['Jörg Müller', 'JOERG MUELLER'],
    ['Jörg Müller', 'Muller Jorg'],
    ['Søren Ångström', 'SOEREN AANGSTROEM'],
    ['Éloïse Núñez', 'ELOISE NUNEZ'],
    ["Seán O'Brien", 'SEAN OBRIEN'],
    ['Strauß', 'STRAUSS'],
  ])('takes %p and %p for the same name', (first, second) => {
    expect(holderNamesMatch(first, second)).toBe(true);
    expect(holderNamesMatch(second, first)).toBe(true);
  });

  it.each([
    ['another person', 'Maria de Vries', 'Someone Else Entirely'],
    ['a misspelt surname', 'Anna Maria Eriksson', 'Anna Maria Erikson'],
    ['a missing given name', 'Anna Maria Eriksson', 'Anna Eriksson'],
    ['an extra given name', 'Anna Eriksson', 'Anna Maria Eriksson'],
    ['initials for a given name', 'Anna Maria Eriksson', 'A. M. Eriksson'],
    ['the same name twice against two names', 'Anna Anna', 'Anna Maria'],
    ['two transliterations that are not the same letters', 'MUELLER', 'MULLER'],
    ['an empty name', '', 'Maria de Vries'],
    ['punctuation only', '- ,', '- ,'],
  ])('reports %s', (_case, first, second) => {
    expect(holderNamesMatch(first, second)).toBe(false);
  });
});
