import { parseMrz } from './parse-mrz';
import type { MrzResult } from './parsed-mrz';
import { encodeTd1, encodeTd3, type MrzIdentity } from './testing/encode-mrz';
import specimens from './testing/icao-9303-specimens.json';

const today = new Date('2026-03-01T10:00:00Z');

const errorsOf = (result: MrzResult) => (result.ok ? [] : result.errors);

const maria: MrzIdentity = {
  documentCode: 'P',
  issuingState: 'NLD',
  surname: 'DE VRIES',
  givenNames: 'MARIA',
  documentNumber: 'NXC4K8R71',
  nationality: 'NLD',
  dateOfBirth: '1974-08-12',
  sex: 'F',
  expiresOn: '2031-01-01',
};

describe('state codes from the ICAO 9303 Part 3 list', () => {
  it.each(['NLD', 'BEL', 'GBR', 'D', 'GBD', 'XXA', 'XXB', 'XXX', 'UNO', 'EUE', 'RKS'])('accepts %s', (state) => {
    expect(parseMrz(encodeTd3({ ...maria, issuingState: state, nationality: state }), { today })).toMatchObject({ ok: true, mrz: { issuingState: state, nationality: state } });
  });

  it.each([
    ['a code that names no state', 'ASU'],
    ['a plausible but wrong code for Bosnia and Herzegovina (BIH)', 'BOS'],
    ['Germany in ISO form, which Doc 9303 writes D', 'DEU'],
  ])('refuses %s, naming the field', (_case, state) => {
    const errors = errorsOf(parseMrz(encodeTd3({ ...maria, issuingState: state }), { today }));
    expect(errors).toEqual([expect.objectContaining({ code: 'MRZ.INVALID_FIELD', field: 'issuingState', message: `issuing state '${state}' is not a state code of ICAO Doc 9303 Part 3` })]);
  });

  it('checks the nationality as well, on every layout', () => {
    expect(errorsOf(parseMrz(encodeTd1({ ...maria, documentCode: 'I', nationality: 'ASU' }), { today }))).toEqual([expect.objectContaining({ field: 'nationality' })]);
  });

  it('refuses the specimen state Utopia unless specimens are asked for, as in tests and training', () => {
    expect(errorsOf(parseMrz(specimens.td3.lines, { today }))).toEqual([
      expect.objectContaining({ code: 'MRZ.INVALID_FIELD', field: 'issuingState', message: expect.stringContaining('specimen') }),
      expect.objectContaining({ code: 'MRZ.INVALID_FIELD', field: 'nationality', message: expect.stringContaining('specimen') }),
    ]);
    expect(parseMrz(specimens.td3.lines, { today, specimens: false }).ok).toBe(false);
    expect(parseMrz(specimens.td3.lines, { today, specimens: true }).ok).toBe(true);
  });
});

describe('machine-readable visas (Doc 9303 Part 7)', () => {
  // The specimen visa of Part 7: the same holder as the passport specimen, nationality unspecified (XXX).
  const mrvA = ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<'];
  const mrvB = ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<'];

  it('reads an MRV-A visa (2 × 44): no composite check digit, optional data to the end of the line', () => {
    expect(parseMrz(mrvA, { today, specimens: true })).toEqual({
      ok: true,
      mrz: {
        format: 'MRV-A',
        lines: mrvA,
        documentCode: 'V',
        issuingState: 'UTO',
        surname: 'ERIKSSON',
        givenNames: 'ANNA MARIA',
        nameMayBeTruncated: false,
        documentNumber: 'L8988901C',
        nationality: 'XXX',
        dateOfBirth: '1940-09-07',
        sex: 'F',
        expiresOn: '1996-12-10',
        optionalData: '6ZE184226B',
      },
    });
  });

  it('reads an MRV-B visa (2 × 36)', () => {
    expect(parseMrz(mrvB, { today, specimens: true })).toMatchObject({ ok: true, mrz: { format: 'MRV-B', documentNumber: 'L8988901C', optionalData: '', expiresOn: '1996-12-10' } });
  });

  it('still checks the check digits a visa has', () => {
    const wrong = [mrvA[0], mrvA[1].replace('4009078', '4009079')];
    expect(errorsOf(parseMrz(wrong, { today, specimens: true }))).toEqual([expect.objectContaining({ code: 'MRZ.CHECK_DIGIT', field: 'dateOfBirth' })]);
  });
});

describe('zones in other formats', () => {
  const notIcao = [expect.objectContaining({ code: 'MRZ.FORMAT', field: 'lines', message: expect.stringMatching(/^not an ICAO 9303 MRZ/) })];

  it('names a French identity card from before 2021 (2 × 36, a national layout) as not an ICAO 9303 MRZ', () => {
    const frenchCard = ['IDFRAMARTIN<<<<<<<<<<<<<<<<<<<932013', '0512932020438JULIETTE<<ALIC6504182F8'];
    expect(errorsOf(parseMrz(frenchCard, { today }))).toEqual(notIcao);
  });

  it('names a one-line zone, such as a driving licence, as not an ICAO 9303 MRZ', () => {
    expect(errorsOf(parseMrz(['D1NLD15094962111659VW87DJ2H8'], { today }))).toEqual(notIcao);
  });

  it('still lists the faults of a real MRZ with a few characters wrong', () => {
    const lines = encodeTd3(maria);
    const typo = [lines[0], lines[1].replace('NLD7408', 'NLD74O8')];
    expect(errorsOf(parseMrz(typo, { today })).map((error) => error.code)).not.toContain('MRZ.FORMAT');
  });
});
