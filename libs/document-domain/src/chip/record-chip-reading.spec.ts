import { randomUUID } from 'node:crypto';
import { DEFAULT_CATALOGUE } from '../document-type-catalogue';
import { documentDecider } from '../document/document.decide';
import type { DocumentEvent } from '../document/document.events';
import { aCustomer, aReviewer, approve, specFor } from '../testing';
import type { ChipCheck } from './chip-reading';
import { FailedChipReadingNotApprovable } from './chip-reading.errors';
import type { RecordChipReading } from './record-chip-reading';

const now = new Date('2026-12-07T10:00:00.000Z');
const given = specFor(documentDecider, () => ({ now, catalogue: DEFAULT_CATALOGUE }));

const chipFacts = { documentNumber: 'L898902C3', issuingCountry: 'UTO', holderName: 'ANNA MARIA ERIKSSON', dateOfBirth: '1974-08-12', expiresOn: '2034-04-15' };
const passed: ChipCheck = {
  passed: true,
  failureCode: null,
  steps: [{ step: 'data-group-hashes', outcome: 'passed', code: null, detail: 'DG1 hashes to the value the SOD signs' }],
  signedAt: '2026-11-07T10:00:00.000Z',
  documentSigner: 'C=UT, CN=DS',
  csca: 'C=UT, CN=CSCA',
  chipAuthentication: 'passed',
  facts: chipFacts,
};
const failed: ChipCheck = { ...passed, passed: false, failureCode: 'CHIP.HASH_MISMATCH', csca: null };

function aReading(check: ChipCheck, knownHolders: RecordChipReading['knownHolders'] = []): RecordChipReading {
  return {
    type: 'RecordChipReading',
    documentId: randomUUID(),
    customerId: 'C-1',
    documentType: 'passport',
    file: { blobKey: 'documents/x', sha256: 'a'.repeat(64), size: 100, mediaType: 'application/vnd.kluis.chip-reading+json', filename: null },
    channel: 'online',
    check,
    holder: { surname: 'ERIKSSON', givenNames: 'ANNA MARIA', nameMayBeTruncated: false },
    knownHolders,
    by: aCustomer('C-1'),
  };
}

const types = (events: DocumentEvent[]) => events.map((event) => event.type);

describe('a chip reading', () => {
  it('that passed is verified at once with the facts its DG1 states, valid until the document expires', () =>
    given()
      .when(aReading(passed))
      .thenEmits((events) => {
        expect(types(events)).toEqual(['DocumentSubmitted', 'ChipReadingChecked', 'DocumentVerified']);
        expect(events[1].data).toMatchObject({ passed: true, holderCheck: 'no-verified-identity' });
        expect(events[2].data).toMatchObject({ facts: chipFacts, validUntil: '2034-04-15' });
      }));

  it('of a document past its expiry is verified and expired at once: genuine, but nothing to rely on today', () =>
    given()
      .when(aReading({ ...passed, facts: { ...chipFacts, expiresOn: '2012-04-15' } }))
      .thenEmits((events) => {
        expect(types(events)).toEqual(['DocumentSubmitted', 'ChipReadingChecked', 'DocumentVerified', 'DocumentExpired']);
        expect(events[3].data).toMatchObject({ validUntil: '2012-04-15' });
      }));

  it('that failed is kept for a reviewer and never verified', () =>
    given()
      .when(aReading(failed))
      .thenEmits((events) => {
        expect(types(events)).toEqual(['DocumentSubmitted', 'ChipReadingChecked']);
        expect(events[1].data).toMatchObject({ passed: false, failureCode: 'CHIP.HASH_MISMATCH', holderCheck: 'not-checked' });
      }));

  it('whose holder matches the verified identity, written with accents and in another order, is verified', () =>
    given()
      .when(aReading(passed, [{ holderName: 'Eriksson, Anna María', dateOfBirth: '1974-08-12' }]))
      .thenEmits((events) => expect(types(events)).toContain('DocumentVerified')));

  it.each([
    ['another name', { holderName: 'Maria de Vries', dateOfBirth: '1974-08-12' }],
    ['another date of birth', { holderName: 'Anna Maria Eriksson', dateOfBirth: '1975-08-12' }],
  ])('whose holder has %s than the verified identity waits for a reviewer', (_name, known) =>
    given()
      .when(aReading(passed, [known]))
      .thenEmits((events) => {
        expect(types(events)).toEqual(['DocumentSubmitted', 'ChipReadingChecked']);
        expect(events[1].data).toMatchObject({ holderCheck: 'mismatch' });
      }));

  it('that failed can never be approved', () => {
    const reading = aReading(failed);
    const history = documentDecider.decide(reading, documentDecider.initialState, { now, catalogue: DEFAULT_CATALOGUE });
    given(...history)
      .when(approve(reading.documentId, aReviewer('anna'), chipFacts))
      .thenThrows(FailedChipReadingNotApprovable);
  });

  it('held for a holder mismatch is approved by a reviewer with the facts the chip states, not those typed', () => {
    const reading = aReading(passed, [{ holderName: 'Maria de Vries', dateOfBirth: '1974-08-12' }]);
    const history = documentDecider.decide(reading, documentDecider.initialState, { now, catalogue: DEFAULT_CATALOGUE });
    given(...history)
      .when(approve(reading.documentId, aReviewer('anna'), { holderName: 'Someone Else' }))
      .thenEmits((events) => expect(events[1]).toMatchObject({ type: 'DocumentVerified', data: { facts: chipFacts } }));
  });
});
