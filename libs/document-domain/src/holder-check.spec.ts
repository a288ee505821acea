import { DEFAULT_CATALOGUE } from './document-type-catalogue';
import { documentDecider } from './document/document.decide';
import { HolderMismatchUnconfirmed, SameReviewerTwice } from './document/document.errors';
import type { DocumentEvent } from './document/document.events';
import type { KnownHolder } from './holder-check';
import { aReviewer, aSubmission, approve, approvedBy, passportFacts, powerOfAttorneyFacts, rejectedBy, specFor, submitted, verified } from './testing';

const now = new Date('2026-11-06T15:30:00.000Z');
const at = now.toISOString();
const given = specFor(documentDecider, () => ({ now, catalogue: DEFAULT_CATALOGUE }));
const anna = aReviewer('anna');
const bram = aReviewer('bram');

const maria: KnownHolder = { holderName: 'Maria de Vries', dateOfBirth: '1974-08-12' };
const strangersFacts = passportFacts({ holderName: 'Someone Else Entirely', dateOfBirth: '1990-02-03', issuingCountry: 'BEL' });
const reason = 'Confirmed with the customer at the branch: a second nationality, the same person.';

const mismatchFound = (documentId: string, fields: string[]): DocumentEvent =>
  ({ type: 'HolderMismatchFound', data: { documentId, fields, foundAt: at } }) as DocumentEvent;

describe("an identity document checked against the customer's verified identity", () => {
  const passport = aSubmission('passport');
  const id = passport.documentId;
  const approveKnowing = (by = anna, facts = passportFacts(), holders: KnownHolder[] = [maria]) => ({ ...approve(id, by, facts), knownHolders: holders });

  it('verifies with one approval when the holder is the one on file, whatever the spelling and order', () =>
    given(submitted(passport))
      .when(approveKnowing(anna, passportFacts({ holderName: 'DE VRIES, MARIA' }), [maria]))
      .thenEmits((events) => expect(events.map((event) => event.type)).toEqual(['DocumentReviewed', 'DocumentVerified'])));

  it('verifies with one approval when the customer has no verified identity yet', () =>
    given(submitted(passport))
      .when(approveKnowing(anna, strangersFacts, []))
      .thenEmits((events) => expect(events.map((event) => event.type)).toEqual(['DocumentReviewed', 'DocumentVerified'])));

  it('holds a stranger for a second reviewer, naming the fields that differ', () =>
    given(submitted(passport))
      .when(approveKnowing(anna, strangersFacts))
      .then([approvedBy(id, anna, strangersFacts, at), mismatchFound(id, ['holderName', 'dateOfBirth'])]));

  it('names only the date of birth when only it differs', () =>
    given(submitted(passport))
      .when(approveKnowing(anna, passportFacts({ dateOfBirth: '1974-08-21' })))
      .thenEmits((events) => expect(events[1]).toEqual(mismatchFound(id, ['dateOfBirth']))));

  it('compares against every verified identity on file', () =>
    given(submitted(passport))
      .when(approveKnowing(anna, passportFacts(), [maria, { holderName: 'Maria Jansen', dateOfBirth: '1974-08-12' }]))
      .thenEmits((events) => expect(events[1]).toEqual(mismatchFound(id, ['holderName']))));

  it('takes a partly unknown date of birth that agrees with the known one as the same', () =>
    given(submitted(passport))
      .when(approveKnowing(anna, passportFacts({ dateOfBirth: '1974-08' })))
      .thenEmits((events) => expect(events.map((event) => event.type)).toEqual(['DocumentReviewed', 'DocumentVerified'])));

  it('refuses the second approval without a reason, naming the field for it', () =>
    given(submitted(passport), approvedBy(id, anna, strangersFacts), mismatchFound(id, ['holderName', 'dateOfBirth']))
      .when(approveKnowing(bram, strangersFacts))
      .thenThrows(HolderMismatchUnconfirmed, ['holderMismatchReason']));

  it('refuses a blank reason', () =>
    given(submitted(passport), approvedBy(id, anna, strangersFacts), mismatchFound(id, ['holderName', 'dateOfBirth']))
      .when({ ...approveKnowing(bram, strangersFacts), holderMismatchReason: '   ' })
      .thenThrows(HolderMismatchUnconfirmed));

  it('still refuses the first reviewer as the second', () =>
    given(submitted(passport), approvedBy(id, anna, strangersFacts), mismatchFound(id, ['holderName', 'dateOfBirth']))
      .when({ ...approveKnowing(anna, strangersFacts), holderMismatchReason: reason })
      .thenThrows(SameReviewerTwice));

  it('verifies on a second reviewer who confirms with a reason, recording who and why', () =>
    given(submitted(passport), approvedBy(id, anna, strangersFacts), mismatchFound(id, ['holderName', 'dateOfBirth']))
      .when({ ...approveKnowing(bram, strangersFacts), holderMismatchReason: `  ${reason} ` })
      .then([
        approvedBy(id, bram, strangersFacts, at),
        { type: 'HolderMismatchConfirmed', data: { documentId: id, fields: ['holderName', 'dateOfBirth'], reason, confirmedBy: bram, confirmedAt: at } },
        verified(id, strangersFacts, '2031-01-01', at),
      ]));

  it('keeps the mismatch found at the first approval even if the verified identity is gone by the second', () =>
    given(submitted(passport), approvedBy(id, anna, strangersFacts), mismatchFound(id, ['holderName', 'dateOfBirth']))
      .when(approveKnowing(bram, strangersFacts, []))
      .thenThrows(HolderMismatchUnconfirmed));

  it('lets the second reviewer reject it instead', () =>
    given(submitted(passport), approvedBy(id, anna, strangersFacts), mismatchFound(id, ['holderName', 'dateOfBirth']))
      .when({ type: 'RejectDocument', documentId: id, by: bram, reasonCode: 'NOT_THE_CUSTOMER', message: 'This passport is not yours.' })
      .thenEmits((events) => expect(events.map((event) => event.type)).toEqual(['DocumentReviewed', 'DocumentRejected'])));

  it('does not hold a document that is no identity evidence', () => {
    const poa = aSubmission('notarial-power-of-attorney');
    given(submitted(poa), approvedBy(poa.documentId, anna, powerOfAttorneyFacts()))
      .when({ ...approve(poa.documentId, bram, powerOfAttorneyFacts()), knownHolders: [maria] })
      .thenEmits((events) => expect(events.map((event) => event.type)).toEqual(['DocumentReviewed', 'DocumentVerified']));
  });

  it('keeps the fields that differed on a document the second reviewer rejected', () => {
    const confirmed = [
      submitted(passport),
      approvedBy(id, anna, strangersFacts),
      mismatchFound(id, ['holderName']),
      ...rejectedBy(id, bram),
    ].reduce(documentDecider.evolve, documentDecider.initialState);
    expect(confirmed).toMatchObject({ status: 'rejected', holderMismatch: { fields: ['holderName'], confirmation: null } });
  });
});
