import { DEFAULT_CATALOGUE } from '../document-type-catalogue';
import { documentDecider } from './document.decide';
import type { DocumentEvent } from './document.events';
import { evolve, initialDocumentState } from './document.state';
import { aReviewer, aSubmission, approve, approvedBy, passportFacts, reject, rejectedBy, specFor, submitted, verified } from '../testing';

const now = new Date('2031-11-24T10:00:00.000Z');
const given = specFor(documentDecider, () => ({ now, catalogue: DEFAULT_CATALOGUE }));
const anna = aReviewer('anna');

describe('erasing a document', () => {
  const passport = aSubmission('passport');
  const id = passport.documentId;
  const erase = { type: 'EraseDocument', documentId: id, reason: 'retention-ended' } as const;
  const erased: DocumentEvent = { type: 'DocumentErased', data: { documentId: id, customerId: passport.customerId, reason: 'retention-ended', erasedAt: now.toISOString() } };

  it.each([
    ['pending review', [submitted(passport)]],
    ['verified', [submitted(passport), approvedBy(id, anna, passportFacts()), verified(id, passportFacts(), '2031-01-01')]],
    ['rejected', [submitted(passport), ...rejectedBy(id, anna)]],
  ])('erases it from any status (%s)', (_status, history) => given(...(history as DocumentEvent[])).when(erase).then([erased]));

  it('erases it only once', () => given(submitted(passport), erased).when(erase).then([]));

  it('keeps nothing that says who the customer is, and nothing can be done with it after', () => {
    const state = [submitted(passport), approvedBy(id, anna, passportFacts()), verified(id, passportFacts(), '2031-01-01'), erased].reduce(evolve, initialDocumentState);
    expect(state).toMatchObject({ status: 'erased', facts: null, file: { filename: null, sha256: passport.file.sha256 }, references: [] });
    expect(JSON.stringify(state)).not.toMatch(/Maria de Vries|NXC4K8R71|scan\.pdf/);
    given(submitted(passport), erased).when(approve(id, anna, passportFacts())).thenThrows(Error);
    given(submitted(passport), erased).when(reject(id, anna)).thenThrows(Error);
  });
});
