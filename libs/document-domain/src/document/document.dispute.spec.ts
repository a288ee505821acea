import { DEFAULT_CATALOGUE } from '../document-type-catalogue';
import { aReviewer, aSubmission, approve, approvedBy, passportFacts, specFor, submitted, verified } from '../testing';
import type { DisputeFacts } from './document.commands';
import { documentDecider } from './document.decide';
import { DisputeByOthers, FactNotOnFile, NotDisputable } from './document.errors';

const now = new Date('2026-11-06T15:30:00.000Z'); // a Friday: five business days is the next Friday
const given = specFor(documentDecider, () => ({ now, catalogue: DEFAULT_CATALOGUE, mrzSpecimens: true }));
const anna = aReviewer('anna');
const passport = aSubmission('passport');
const id = passport.documentId;
const onFile = [submitted(passport), approvedBy(id, anna, passportFacts()), verified(id, passportFacts(), '2031-01-01')] as const;
const disputeBy = (by: DisputeFacts['by'], fields: readonly string[] = ['dateOfBirth']): DisputeFacts => ({ type: 'DisputeFacts', documentId: id, fields, message: 'Born in 1974, not 1947.', by });

describe('the customer disputes facts the bank read', () => {
  it('sends a verified document back to review, due within its type’s review deadline', () =>
    given(...onFile)
      .when(disputeBy(passport.by, ['dateOfBirth', 'dateOfBirth']))
      .then([
        {
          type: 'DocumentDisputed',
          data: {
            documentId: id,
            customerId: passport.customerId,
            fields: ['dateOfBirth'],
            message: 'Born in 1974, not 1947.',
            disputedBy: passport.by,
            disputedAt: now.toISOString(),
            reviewDueAt: '2026-11-13T15:30:00.000Z',
          },
        },
      ]));

  it('takes it only from the customer whose document it is', () =>
    given(...onFile).when(disputeBy(anna)).thenThrows(DisputeByOthers));

  it('takes it only for a verified document', () =>
    given(submitted(passport)).when(disputeBy(passport.by)).thenThrows(NotDisputable));

  it('takes only facts the bank read from the document', () =>
    given(...onFile).when(disputeBy(passport.by, ['shoeSize'])).thenThrows(FactNotOnFile));
});

describe('a reviewer settles a dispute', () => {
  // The approval that verified the disputed facts is not counted again, so four-eyes types need two fresh ones.
  it('verifies the corrected facts with a fresh approval, by the reviewer who approved before as well', () => {
    const corrected = { ...passportFacts(), dateOfBirth: '1974-03-12' };
    const disputed = { type: 'DocumentDisputed' as const, data: { documentId: id, customerId: passport.customerId, fields: ['dateOfBirth'], message: 'Born in 1974.', disputedBy: passport.by, disputedAt: now.toISOString(), reviewDueAt: now.toISOString() } };
    given(...onFile, disputed)
      .when(approve(id, anna, corrected))
      .thenEmits((events) => expect(events.map((event) => event.type)).toEqual(['DocumentReviewed', 'DocumentVerified']));
  });
});
