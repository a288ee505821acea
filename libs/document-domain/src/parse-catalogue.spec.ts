import { DEFAULT_CATALOGUE } from './document-type-catalogue';
import { CatalogueError, parseCatalogue } from './parse-catalogue';

const problemsOf = (input: unknown): readonly string[] => {
  try {
    parseCatalogue(input);
  } catch (error) {
    if (error instanceof CatalogueError) return error.problems;
    throw error;
  }
  throw new Error('expected the catalogue to be refused');
};

describe('the document type catalogue', () => {
  it('keeps the defaults for every type an override leaves out', () => {
    expect(parseCatalogue({})).toEqual(DEFAULT_CATALOGUE);
  });

  it('lets a bank require four-eyes on passports and a tighter SLA', () => {
    const catalogue = parseCatalogue({ passport: { fourEyes: true, reviewSlaBusinessDays: 2 } });
    expect(catalogue.passport).toEqual({ ...DEFAULT_CATALOGUE.passport, fourEyes: true, reviewSlaBusinessDays: 2 });
    expect(catalogue['id-card']).toBe(DEFAULT_CATALOGUE['id-card']);
  });

  it('accepts a proof of address valid for six months', () => {
    expect(parseCatalogue({ 'proof-of-address': { validity: { kind: 'period', months: 6, from: 'issuedOn' } } })['proof-of-address'].validity).toEqual({
      kind: 'period',
      months: 6,
      from: 'issuedOn',
    });
  });

  it('names every problem of a bad catalogue at once, by path', () => {
    expect(
      problemsOf({
        selfie: {},
        passport: { fourEyes: 'yes', reviewSlaBusinessDays: 0, colour: 'blue', requiredFacts: ['shoeSize'] },
        'notarial-deed': { evidenceKind: 'everything', validity: { kind: 'forever' } },
        'proof-of-address': { requiredFacts: ['holderName'] },
      }),
    ).toEqual([
      expect.stringMatching(/^selfie: unknown document type/),
      'passport.colour: unknown setting',
      'passport.fourEyes: must be true or false',
      expect.stringMatching(/^passport\.requiredFacts: must be a non-empty list/),
      'passport.reviewSlaBusinessDays: must be a whole number from 1 to 60',
      'passport.validity: document-expiry needs expiresOn among the required facts',
      expect.stringMatching(/^notarial-deed\.evidenceKind: must be null or one of/),
      'notarial-deed.validity.kind: must be document-expiry, period or indefinite',
      'proof-of-address.validity: a period from issuedOn needs issuedOn among the required facts',
    ]);
  });

  it('refuses something that is not an object', () => {
    expect(problemsOf([])).toEqual(['the catalogue must be an object keyed by document type']);
  });
});
