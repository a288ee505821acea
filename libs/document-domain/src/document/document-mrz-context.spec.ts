import { DEFAULT_CATALOGUE } from '../document-type-catalogue';
import { documentDecider } from './document.decide';
import { MrzNotApplicable } from './document.errors';
import { MrzRefused } from '../mrz';
import { aReviewer, aSubmission, approve, specFor, submitted } from '../testing';

const now = new Date('2026-11-06T15:30:00.000Z');
const anna = aReviewer('anna');
// The ICAO specimen passport, reissued to expire on 2034-04-15.
const specimenPassport = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F3404159ZE184226B<<<<<16'];
const specimenVisa = ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<'];

describe('approving from the ICAO specimens', () => {
  const passport = aSubmission('passport');
  const id = passport.documentId;

  it('refuses the specimen state where specimens are not configured, as in production', () =>
    specFor(documentDecider, () => ({ now, catalogue: DEFAULT_CATALOGUE }))(submitted(passport))
      .when({ ...approve(id, anna, {}), mrz: specimenPassport })
      .thenThrows(MrzRefused, ['issuingState', 'nationality']));

  it('verifies a specimen where tests and training configured them', () =>
    specFor(documentDecider, () => ({ now, catalogue: DEFAULT_CATALOGUE, mrzSpecimens: true }))(submitted(passport))
      .when({ ...approve(id, anna, {}), mrz: specimenPassport })
      .thenEmits((events) => expect(events.map((event) => event.type)).toEqual(['DocumentReviewed', 'DocumentVerified'])));

  it('refuses a visa zone on a passport: a visa identifies nobody', () =>
    specFor(documentDecider, () => ({ now, catalogue: DEFAULT_CATALOGUE, mrzSpecimens: true }))(submitted(passport))
      .when({ ...approve(id, anna, {}), mrz: specimenVisa })
      .thenThrows(MrzNotApplicable));
});
