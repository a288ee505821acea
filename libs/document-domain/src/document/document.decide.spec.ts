import { DEFAULT_CATALOGUE } from '../document-type-catalogue';
import { documentDecider } from './document.decide';
import {
  ClaimedByOther,
  DocumentAlreadyExists,
  DocumentNotFound,
  FactsDiffer,
  FactsDisagreeWithMrz,
  FactsMissing,
  MrzNotApplicable,
  NotAwaitingReview,
  NotWithdrawable,
  OwnSubmission,
  SameReviewerTwice,
  ValidityEnded,
} from './document.errors';
import { MrzRefused } from '../mrz';
import { encodeTd3 } from '../mrz/testing/encode-mrz';
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
} from '../testing';

const now = new Date('2026-11-06T15:30:00.000Z'); // a Friday
const given = specFor(documentDecider, () => ({ now, catalogue: DEFAULT_CATALOGUE, mrzSpecimens: true }));
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

  it('refuses a proof of address whose three months are over, naming its issue date', () => {
    const proof = aSubmission('proof-of-address');
    given(submitted(proof))
      .when(approve(proof.documentId, anna, { holderName: 'Maria de Vries', address: 'Oudegracht 1, Utrecht', issuedOn: '2026-08-06' }))
      .thenThrows(ValidityEnded, ['facts.issuedOn']);
  });
});

describe('approving a document whose validity has ended', () => {
  const passport = aSubmission('passport');
  const id = passport.documentId;

  it('refuses a passport that expired years ago', () =>
    given(submitted(passport)).when(approve(id, anna, passportFacts({ expiresOn: '2020-01-01' }))).thenThrows(ValidityEnded, ['facts.expiresOn']));

  it('refuses a passport that expires today, its last day', () =>
    given(submitted(passport)).when(approve(id, anna, passportFacts({ expiresOn: '2026-11-06' }))).thenThrows(ValidityEnded, ['facts.expiresOn']));

  it('verifies a passport that is valid until tomorrow', () =>
    given(submitted(passport))
      .when(approve(id, anna, passportFacts({ expiresOn: '2026-11-07' })))
      .thenEmits((events) => expect(events[1]).toMatchObject({ type: 'DocumentVerified', data: { validUntil: '2026-11-07' } })));

  it('refuses the second approval of four-eyes too, once the document has run out in the meantime', () => {
    const poa = aSubmission('notarial-power-of-attorney');
    const facts = powerOfAttorneyFacts({ expiresOn: '2026-11-06' });
    given(submitted(poa), approvedBy(poa.documentId, anna, facts, '2026-11-01T09:00:00.000Z'))
      .when(approve(poa.documentId, bram, facts))
      .thenThrows(ValidityEnded, ['facts.expiresOn']);
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

describe('claiming a document to review it', () => {
  const passport = aSubmission('passport');
  const id = passport.documentId;
  const claimedBy = (reviewer: typeof anna, until: string) =>
    ({ type: 'DocumentClaimed', data: { documentId: id, claimedBy: reviewer, claimedAt: '2026-11-06T15:00:00.000Z', until } }) as const;

  it('gives the reviewer a lease', () =>
    given(submitted(passport))
      .when({ type: 'ClaimDocument', documentId: id, leaseMinutes: 30, by: anna })
      .then([{ type: 'DocumentClaimed', data: { documentId: id, claimedBy: anna, claimedAt: now.toISOString(), until: '2026-11-06T16:00:00.000Z' } }]));

  it('keeps others off while the lease runs, naming who holds it', () => {
    given(submitted(passport), claimedBy(anna, '2026-11-06T16:00:00.000Z'))
      .when({ type: 'ClaimDocument', documentId: id, leaseMinutes: 30, by: bram })
      .thenThrows(ClaimedByOther);
    given(submitted(passport), claimedBy(anna, '2026-11-06T16:00:00.000Z')).when(approve(id, bram, passportFacts())).thenThrows(ClaimedByOther);
  });

  it('lets someone else take it once the lease has run out', () =>
    given(submitted(passport), claimedBy(anna, '2026-11-06T15:29:59.000Z'))
      .when(approve(id, bram, passportFacts()))
      .thenEmits((events) => expect(events.map((event) => event.type)).toEqual(['DocumentReviewed', 'DocumentVerified'])));

  it('releases a claim, and releasing nothing changes nothing', () => {
    given(submitted(passport), claimedBy(anna, '2026-11-06T16:00:00.000Z'))
      .when({ type: 'ReleaseClaim', documentId: id, by: anna })
      .then([{ type: 'DocumentClaimReleased', data: { documentId: id, releasedBy: anna, releasedAt: now.toISOString() } }]);
    given(submitted(passport)).when({ type: 'ReleaseClaim', documentId: id, by: anna }).then([]);
  });

  it('ends the claim with the review, so the second reviewer of four-eyes can take it', () => {
    const poa = aSubmission('notarial-power-of-attorney');
    given(
      submitted(poa),
      { type: 'DocumentClaimed', data: { documentId: poa.documentId, claimedBy: anna, claimedAt: '2026-11-06T15:00:00.000Z', until: '2026-11-06T16:00:00.000Z' } },
      approvedBy(poa.documentId, anna, powerOfAttorneyFacts()),
    )
      .when({ type: 'ClaimDocument', documentId: poa.documentId, leaseMinutes: 30, by: bram })
      .thenEmits((events) => expect(events[0].type).toBe('DocumentClaimed'));
  });

  it('refuses a claim on a document that is not awaiting review', () =>
    given(submitted(passport), ...rejectedBy(id, anna)).when({ type: 'ClaimDocument', documentId: id, leaseMinutes: 30, by: bram }).thenThrows(NotAwaitingReview));
});

describe('approving with the machine-readable zone', () => {
  // The ICAO 9303 specimen passport (ERIKSSON, ANNA MARIA, L898902C3, born 1974-08-12), reissued to expire in 2034:
  // the printed specimen expired in 2012, and an expired passport cannot be verified.
  const td3 = encodeTd3({
    documentCode: 'P',
    issuingState: 'UTO',
    surname: 'ERIKSSON',
    givenNames: 'ANNA MARIA',
    documentNumber: 'L898902C3',
    nationality: 'UTO',
    dateOfBirth: '1974-08-12',
    sex: 'F',
    expiresOn: '2034-04-15',
    optionalData: 'ZE184226B',
  });
  const passport = aSubmission('passport');
  const id = passport.documentId;

  it('fills in the facts the reviewer left blank from a valid MRZ', () =>
    given(submitted(passport))
      .when({ ...approve(id, anna, {}), mrz: td3 })
      .thenEmits((events) =>
        expect(events[1].data).toMatchObject({
          facts: { documentNumber: 'L898902C3', issuingCountry: 'UTO', holderName: 'ANNA MARIA ERIKSSON', dateOfBirth: '1974-08-12', expiresOn: '2034-04-15' },
        }),
      ));

  it('accepts typed facts that agree with it', () =>
    given(submitted(passport))
      .when({
        ...approve(id, anna, { documentNumber: 'L898902C3', issuingCountry: 'UTO', holderName: 'Anna Maria Eriksson', dateOfBirth: '1974-08-12', expiresOn: '2034-04-15' }),
        mrz: td3,
      })
      .thenEmits((events) => expect(events).toHaveLength(2)));

  it('refuses a typed fact that disagrees with it, naming the field', () =>
    given(submitted(passport))
      .when({ ...approve(id, anna, { dateOfBirth: '1974-08-21' }), mrz: td3 })
      .thenThrows(FactsDisagreeWithMrz, ['facts.dateOfBirth']));

  it('refuses the printed specimen, which expired in 2012, naming its expiry', () =>
    given(submitted(passport))
      .when({ ...approve(id, anna, {}), mrz: ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'] })
      .thenThrows(ValidityEnded, ['facts.expiresOn']));

  it('refuses a zone with a wrong check digit, naming the field', () =>
    given(submitted(passport))
      .when({ ...approve(id, anna, {}), mrz: [td3[0], td3[1].replace('7408122', '7408125')] })
      .thenThrows(MrzRefused, ['dateOfBirth', 'composite']));

  it('refuses an ID-card zone on a passport, and any zone on a document that has none', () => {
    const td1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
    given(submitted(passport)).when({ ...approve(id, anna, {}), mrz: td1 }).thenThrows(MrzNotApplicable);
    const poa = aSubmission('notarial-power-of-attorney');
    given(submitted(poa)).when({ ...approve(poa.documentId, anna, powerOfAttorneyFacts()), mrz: td3 }).thenThrows(MrzNotApplicable);
  });
});

describe('expiry', () => {
  const passport = aSubmission('passport');
  const id = passport.documentId;
  const verifiedUntil = (date: string) => [submitted(passport), approvedBy(id, anna, passportFacts({ expiresOn: date })), verified(id, passportFacts({ expiresOn: date }), date)];

  it('expires a verified document the day after its last valid day, keeping it on file', () =>
    given(...verifiedUntil('2026-11-05'))
      .when({ type: 'ExpireDocument', documentId: id })
      .then([{ type: 'DocumentExpired', data: { documentId: id, validUntil: '2026-11-05', expiredAt: now.toISOString() } }]));

  it('does nothing on its last valid day, twice, or to a document that was never verified', () => {
    given(...verifiedUntil('2026-11-06')).when({ type: 'ExpireDocument', documentId: id }).then([]);
    given(...verifiedUntil('2026-11-05'), { type: 'DocumentExpired', data: { documentId: id, validUntil: '2026-11-05', expiredAt: now.toISOString() } })
      .when({ type: 'ExpireDocument', documentId: id })
      .then([]);
    given(submitted(passport)).when({ type: 'ExpireDocument', documentId: id }).then([]);
  });
});
