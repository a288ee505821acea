import { DEFAULT_CATALOGUE } from '../document-type-catalogue';
import { documentDecider, MALWARE_REJECTION_MESSAGE } from './document.decide';
import { NotAwaitingReview, NotRevocable, NotWithdrawable } from './document.errors';
import { evolve, initialDocumentState } from './document.state';
import type { DocumentEvent } from './document.events';
import {
  aReviewer,
  aSubmission,
  approve,
  heldForScan,
  passportFacts,
  reject,
  scanCleared,
  scannedClean,
  scannedInfected,
  specFor,
  submitted,
  withdraw,
} from '../testing';

const now = new Date('2026-11-06T15:30:00.000Z'); // a Friday
const given = specFor(documentDecider, () => ({ now, catalogue: DEFAULT_CATALOGUE }));
const anna = aReviewer('anna');
const statusAfter = (...history: DocumentEvent[]) => history.reduce(evolve, initialDocumentState).status;

describe('a document whose scan could not be done when it arrived', () => {
  const passport = aSubmission('passport', { scan: 'unavailable' });
  const id = passport.documentId;

  it('is taken in, and held for the scan', () =>
    given()
      .when(passport)
      .then([submitted(passport, '2026-11-06T15:30:00.000Z', '2026-11-13T15:30:00.000Z'), heldForScan(id, '2026-11-06T15:30:00.000Z')]));

  it('waits as pending scan, not for review', () => expect(statusAfter(submitted(passport), heldForScan(id))).toBe('pending_scan'));

  it('cannot be reviewed, claimed or rejected until it is scanned', () => {
    given(submitted(passport), heldForScan(id)).when(approve(id, anna, passportFacts())).thenThrows(NotAwaitingReview);
    given(submitted(passport), heldForScan(id)).when(reject(id, anna)).thenThrows(NotAwaitingReview);
    given(submitted(passport), heldForScan(id)).when({ type: 'ClaimDocument', documentId: id, leaseMinutes: 30, by: anna }).thenThrows(NotAwaitingReview);
  });

  it('cannot be withdrawn or revoked while nobody knows what it holds', () => {
    given(submitted(passport), heldForScan(id)).when(withdraw(id, passport.by)).thenThrows(NotWithdrawable);
    given(submitted(passport), heldForScan(id)).when({ type: 'RevokeDocument', documentId: id, reason: 'fraud', by: anna }).thenThrows(NotRevocable);
  });

  it('goes to review once the scanner finds it clean, due five business days from then', () =>
    given(submitted(passport), heldForScan(id))
      .when(scannedClean(id))
      .then([scanCleared(id, '2026-11-06T15:30:00.000Z', '2026-11-13T15:30:00.000Z')]));

  it('is reviewable once cleared', () => {
    expect(statusAfter(submitted(passport), heldForScan(id), scanCleared(id))).toBe('pending_review');
    given(submitted(passport), heldForScan(id), scanCleared(id)).when(approve(id, anna, passportFacts())).thenEmits((events) => expect(events).toHaveLength(2));
  });

  it('is rejected when the scanner finds malware, telling the customer to upload a clean copy', () =>
    given(submitted(passport), heldForScan(id))
      .when(scannedInfected(id, 'Custom.EICAR.Body'))
      .then([
        {
          type: 'DocumentFoundInfected',
          data: {
            documentId: id,
            signature: 'Custom.EICAR.Body',
            removedBlobKey: passport.file.blobKey,
            reasonCode: 'malware',
            message: MALWARE_REJECTION_MESSAGE,
            foundAt: '2026-11-06T15:30:00.000Z',
          },
        },
      ]));

  it('shows the rejection with its reason once found infected', () => {
    const state = [submitted(passport), heldForScan(id)].reduce(evolve, initialDocumentState);
    const events = documentDecider.decide(scannedInfected(id), state, { now, catalogue: DEFAULT_CATALOGUE });
    expect(events.reduce(evolve, state)).toMatchObject({ status: 'rejected', rejection: { reasonCode: 'malware', message: MALWARE_REJECTION_MESSAGE } });
    expect(MALWARE_REJECTION_MESSAGE).toMatch(/upload a clean copy/);
  });

  it('takes a verdict only once: a second scan, from this or another instance, changes nothing', () => {
    given(submitted(passport), heldForScan(id), scanCleared(id)).when(scannedClean(id)).then([]);
    given(submitted(passport), heldForScan(id), scanCleared(id)).when(scannedInfected(id)).then([]);
  });
});

describe('a document scanned as it arrived', () => {
  it('goes straight to review when clean, or when scanning is switched off', () => {
    for (const scan of ['clean', 'not-scanned'] as const) {
      const passport = aSubmission('passport', { scan });
      given().when(passport).then([submitted(passport, '2026-11-06T15:30:00.000Z', '2026-11-13T15:30:00.000Z')]);
    }
  });

  it('ignores a late verdict', () => {
    const passport = aSubmission('passport');
    given(submitted(passport)).when(scannedInfected(passport.documentId)).then([]);
  });
});
