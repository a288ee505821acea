import { crossCheckFacts } from './mrz-facts';
import { parseMrz } from './parse-mrz';
import type { ParsedMrz } from './parsed-mrz';
import { encodeTd1 } from './testing/encode-mrz';
import specimens from './testing/icao-9303-specimens.json';

const today = new Date('2026-03-01T00:00:00Z');

function read(lines: readonly string[]): ParsedMrz {
  const result = parseMrz(lines, { today, specimens: true });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.mrz;
}

const passport = read(specimens.td3.lines);

describe('checking the facts a reviewer typed against the MRZ', () => {
  it('fills every fact the reviewer left out', () => {
    expect(crossCheckFacts(passport, {})).toEqual({
      facts: {
        documentNumber: 'L898902C3',
        issuingCountry: 'UTO',
        holderName: 'ANNA MARIA ERIKSSON',
        dateOfBirth: '1974-08-12',
        expiresOn: '2012-04-15',
      },
      mismatches: [],
    });
  });

  it('treats a blank fact as left out', () => {
    expect(crossCheckFacts(passport, { documentNumber: '  ' }).facts.documentNumber).toBe('L898902C3');
  });

  it('keeps facts typed the same way, however they are written', () => {
    const typed = {
      documentNumber: 'l898 902-c3',
      issuingCountry: ' uto ',
      holderName: 'Eriksson, Anna-María',
      dateOfBirth: '1974-08-12',
      expiresOn: ' 2012-04-15 ',
    };
    expect(crossCheckFacts(passport, typed)).toEqual({ facts: typed, mismatches: [] });
  });

  it('reports each fact typed differently, with both values, and keeps what was typed', () => {
    const typed = {
      documentNumber: 'L898902C8',
      issuingCountry: 'NLD',
      holderName: 'Anna Erikson',
      dateOfBirth: '1974-12-08',
      expiresOn: '2021-04-15',
    };
    const { facts, mismatches } = crossCheckFacts(passport, typed);
    expect(facts).toEqual(typed);
    expect(mismatches).toEqual([
      { field: 'documentNumber', mrz: 'L898902C3', typed: 'L898902C8' },
      { field: 'issuingCountry', mrz: 'UTO', typed: 'NLD' },
      { field: 'holderName', mrz: 'ANNA MARIA ERIKSSON', typed: 'Anna Erikson' },
      { field: 'dateOfBirth', mrz: '1974-08-12', typed: '1974-12-08' },
      { field: 'expiresOn', mrz: '2012-04-15', typed: '2021-04-15' },
    ]);
  });

  it('fills some facts and checks the others', () => {
    const { facts, mismatches } = crossCheckFacts(read(specimens.td1.lines), { documentNumber: 'D23145899' });
    expect(facts).toMatchObject({ documentNumber: 'D23145899', holderName: 'ANNA MARIA ERIKSSON' });
    expect(mismatches).toEqual([{ field: 'documentNumber', mrz: 'D23145890', typed: 'D23145899' }]);
  });

  it('passes facts the MRZ does not hold through untouched', () => {
    const { facts } = crossCheckFacts(passport, { issuedOn: '2002-04-16', address: 'Utopia' });
    expect(facts).toMatchObject({ issuedOn: '2002-04-16', address: 'Utopia', documentNumber: 'L898902C3' });
  });

  it("records Germany's MRZ code D as DEU, and accepts either when typed", () => {
    const german = read(
      encodeTd1({
        documentCode: 'ID',
        issuingState: 'D',
        surname: 'MUSTERMANN',
        givenNames: 'ERIKA',
        documentNumber: 'LZ6311T47',
        nationality: 'D',
        dateOfBirth: '1964-08-12',
        sex: 'F',
        expiresOn: '2031-10-31',
      }),
    );
    expect(crossCheckFacts(german, {}).facts.issuingCountry).toBe('DEU');
    expect(crossCheckFacts(german, { issuingCountry: 'DEU' }).mismatches).toEqual([]);
    expect(crossCheckFacts(german, { issuingCountry: 'd' }).mismatches).toEqual([]);
  });

  it('joins a long TD1 document number before comparing it', () => {
    const card = read(encodeTd1({ ...read(specimens.td1.lines), documentCode: 'I', documentNumber: 'D23145890734' }));
    expect(crossCheckFacts(card, { documentNumber: 'D23145890734' }).mismatches).toEqual([]);
  });
});
