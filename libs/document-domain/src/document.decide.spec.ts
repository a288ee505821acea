import { DEFAULT_CATALOGUE } from './document-type-catalogue';
import { documentDecider } from './document.decide';
import {
  DocumentAlreadyExists,
  DocumentNotFound,
  FactsDiffer,
  FactsMissing,
  NotAwaitingReview,
  NotWithdrawable,
  OwnSubmission,
  SameReviewerTwice,
} from './document.errors';
import {
  aReviewer,
  aSubmission,
  approve,
  approvedBy,
  passportFacts,
  powerOfAttorneyFacts,
  reject,
  rejectedBy,
  specFor,
  submitted,
  verified,
  withdraw,
  withdrawnBy,
} from './testing';

const now = new Date('2026-11-06T15:30:00.000Z'); // a Friday
const given = specFor(documentDecider, () => ({ now, catalogue: DEFAULT_CATALOGUE }));
const anna = aReviewer('anna');
const bram = aReviewer('bram');

describe('submitting a document', () => {
  it('puts it in review, due five business days later (over the weekend)', () => {
    const passport = aSubmission('passport');
    given().when(passport).then([submitted(passport, '2026-11-06T15:30:00.000Z', '2026-11-13T15:30:00.000Z')]);
  });

  it('refuses a second submission under the same id', () => {
    const passport = aSubmission('passport');
    given(submitted(passport)).when(passport).thenThrows(DocumentAlreadyExists);
  });
});

describe('reviewing a passport (one approval verifies)', () => {
  const passport = aSubmission('passport');
  const id = passport.documentId;

  it('verifies it with the facts read, valid until the passport expires', () =>
    given(submitted(passport))
      .when(approve(id, anna, passportFacts()))
      .then([
        { ...approvedBy(id, anna, passportFacts(), now.toISOString()) },
        verified(id, passportFacts(), '2031-01-01', now.toISOString()),
      ]));

  it('refuses an approval without the facts the type requires, naming them', () =>
    given(submitted(passport))
      .when(approve(id, anna, passportFacts({ documentNumber: '', dateOfBirth: undefined })))
      .thenThrows(FactsMissing, ['facts.documentNumber', 'facts.dateOfBirth']));

  it('keeps only the facts the type asks for', () =>
    given(submitted(passport))
      .when(approve(id, anna, { ...passportFacts(), notary: 'not a passport fact' }))
      .thenEmits((events) => expect(events[1].data).toMatchObject({ facts: passportFacts() })));

  it('rejects it with a reason the customer will read', () =>
    given(submitted(passport))
      .when(reject(id, anna, 'EXPIRED', 'This passport expired in 2012. Please upload a valid one.'))
      .thenEmits((events) => {
        expect(events.map((event) => event.type)).toEqual(['DocumentReviewed', 'DocumentRejected']);
        expect(events[1].data).toMatchObject({ reasonCode: 'EXPIRED', message: 'This passport expired in 2012. Please upload a valid one.' });
      }));

  it('refuses an approval after a rejection', () =>
    given(submitted(passport), ...rejectedBy(id, anna)).when(approve(id, bram, passportFacts())).thenThrows(NotAwaitingReview));

  it('refuses a review of a verified document', () =>
    given(submitted(passport), approvedBy(id, anna, passportFacts()), verified(id, passportFacts(), '2031-01-01'))
      .when(reject(id, bram))
      .thenThrows(NotAwaitingReview));

  it('refuses a review of a withdrawn document', () =>
    given(submitted(passport), withdrawnBy(id, passport.by)).when(approve(id, anna, passportFacts())).thenThrows(NotAwaitingReview));

  it('refuses a review by whoever submitted it (a reviewer uploading at the branch)', () => {
    const atTheBranch = aSubmission('passport', { by: anna, channel: 'branch' });
    given(submitted(atTheBranch)).when(approve(atTheBranch.documentId, anna, passportFacts())).thenThrows(OwnSubmission);
  });

  it('refuses a review of a document that does not exist', () =>
    given().when(approve(id, anna, passportFacts())).thenThrows(DocumentNotFound));
});

describe('four-eyes review of a notarial power of attorney', () => {
  const poa = aSubmission('notarial-power-of-attorney', { channel: 'branch' });
  const id = poa.documentId;

  it('waits for a second reviewer after the first approval', () =>
    given(submitted(poa))
      .when(approve(id, anna, powerOfAttorneyFacts()))
      .then([approvedBy(id, anna, powerOfAttorneyFacts(), now.toISOString())]));

  it('verifies it on a second approval by a different reviewer, with no expiry', () =>
    given(submitted(poa), approvedBy(id, anna, powerOfAttorneyFacts()))
      .when(approve(id, bram, powerOfAttorneyFacts()))
      .then([approvedBy(id, bram, powerOfAttorneyFacts(), now.toISOString()), verified(id, powerOfAttorneyFacts(), null, now.toISOString())]));

  it('refuses a second approval by the same reviewer', () =>
    given(submitted(poa), approvedBy(id, anna, powerOfAttorneyFacts()))
      .when(approve(id, anna, powerOfAttorneyFacts()))
      .thenThrows(SameReviewerTwice));

  it('refuses a second approval whose facts differ, naming the fields', () =>
    given(submitted(poa), approvedBy(id, anna, powerOfAttorneyFacts()))
      .when(approve(id, bram, powerOfAttorneyFacts({ attorney: 'Someone Else', scope: 'Only savings' })))
      .thenThrows(FactsDiffer, ['facts.attorney', 'facts.scope']));

  it('treats case and spacing as the same reading', () =>
    given(submitted(poa), approvedBy(id, anna, powerOfAttorneyFacts()))
      .when(approve(id, bram, powerOfAttorneyFacts({ attorney: '  maria  DE vries ' })))
      .thenEmits((events) => expect(events.map((event) => event.type)).toEqual(['DocumentReviewed', 'DocumentVerified'])));

  it('lets the second reviewer reject instead', () =>
    given(submitted(poa), approvedBy(id, anna, powerOfAttorneyFacts()))
      .when(reject(id, bram))
      .thenEmits((events) => expect(events.map((event) => event.type)).toEqual(['DocumentReviewed', 'DocumentRejected'])));
});

describe('validity of documents with a fixed period', () => {
  it('trusts a proof of address for three months from its issue date', () => {
    const proof = aSubmission('proof-of-address');
    given(submitted(proof))
      .when(approve(proof.documentId, anna, { holderName: 'Maria de Vries', address: 'Oudegracht 1, Utrecht', issuedOn: '2026-08-31' }))
      .thenEmits((events) => expect(events[1].data).toMatchObject({ validUntil: '2026-11-30' }));
  });
});

describe('withdrawing a document', () => {
  const passport = aSubmission('passport');
  const id = passport.documentId;

  it('withdraws a document in review', () =>
    given(submitted(passport)).when(withdraw(id, passport.by)).then([withdrawnBy(id, passport.by, now.toISOString())]));

  it('refuses to withdraw twice', () =>
    given(submitted(passport), withdrawnBy(id, passport.by)).when(withdraw(id, passport.by)).thenThrows(NotWithdrawable));

  it('refuses to withdraw a document that does not exist', () => given().when(withdraw(id, passport.by)).thenThrows(DocumentNotFound));
});
