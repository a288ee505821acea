import type { NoticeIssued } from '@kluis/document-domain';
import { chooseLanguage } from './language';
import { noticeText } from './notice-text';

const notice = (kind: NoticeIssued['data']['kind'], about: NoticeIssued['data']['about']): NoticeIssued['data'] => ({
  noticeId: '0b7d2c3e-8f1a-5b6c-9d0e-1f2a3b4c5d6e',
  customerId: 'C-1001',
  kind,
  reference: 'K-0B7D2C3E',
  about,
  causedBy: 'cause-1',
  issuedAt: '2026-12-07T10:00:00.000Z',
});

describe('what the inbox says', () => {
  it('quotes a rejection reason as a sentence, in English and Dutch', () => {
    const rejected = notice('rejected', { documentType: 'id-card', reasonCode: 'ILLEGIBLE', message: 'The photo is blurred' });
    expect(noticeText(rejected, 'en').body).toBe('We could not accept your ID card. The reason: The photo is blurred. Please send us a new one.');
    expect(noticeText(rejected, 'nl').body).toBe('We konden uw identiteitskaart niet accepteren. Reden: The photo is blurred. Stuur ons een nieuw document.');
  });

  it('shows a department purpose as its stated purpose, after the vault’s own wording', () => {
    const requested = notice('requested', { evidenceKind: 'identity', department: 'investments', purpose: 'Provide your ID or we will block your account', dueBy: '2026-12-31' });
    expect(noticeText(requested, 'en')).toEqual({
      title: 'We need a document from you',
      body: 'We need a valid proof of identity from you for investments by 31 December 2026. Their stated purpose: "Provide your ID or we will block your account".',
    });
  });

  it('asks after a rejection with the reason, then what to send instead', () => {
    const requested = notice('requested', { evidenceKind: 'identity', department: 'investments', reasonCode: 'EXPIRED', message: 'The ID card expired in 2025', dueBy: '2026-12-31' });
    expect(noticeText(requested, 'en').body).toBe(
      'We could not accept the document you sent. The reason: The ID card expired in 2025. We need a valid proof of identity from you for investments by 31 December 2026.',
    );
    expect(noticeText(requested, 'nl').body).toBe(
      'We konden het document dat u stuurde niet accepteren. Reden: The ID card expired in 2025. We hebben een geldig identiteitsbewijs van u nodig voor investments uiterlijk 31 december 2026.',
    );
  });

  it('tells of a confirmed escalation with the measure and the department’s stated purpose, in English and Dutch', () => {
    const escalated = notice('escalated', { evidenceKind: 'identity', department: 'investments', action: 'restrict-account', purpose: 'No valid ID after notice' });
    expect(noticeText(escalated, 'en')).toEqual({
      title: 'We are acting on a missing document',
      body: 'We did not receive a valid proof of identity from you in time, not even after our reminder. investments now takes this measure: restrict-account. Their stated purpose: "No valid ID after notice". Please send us a valid proof of identity as soon as you can.',
    });
    expect(noticeText(escalated, 'nl').title).toBe('We ondernemen actie om een ontbrekend document');
    expect(noticeText(escalated, 'nl').body).toContain('restrict-account');
  });

  it('says no more than that it was erased once the details are', () => {
    expect(noticeText(notice('received', {}), 'en').body).toBe('What this notice said was erased, with the rest of your personal data.');
    expect(noticeText(notice('erased', {}), 'nl').title).toBe('Uw gegevens zijn gewist');
  });
});

describe('the language of the inbox', () => {
  it.each([
    [undefined, undefined, 'en'],
    [undefined, 'nl-NL,nl;q=0.9,en;q=0.8', 'nl'],
    [undefined, 'fr-FR,fr;q=0.9', 'en'],
    [undefined, 'de, nl;q=0.5', 'nl'],
    ['en', 'nl', 'en'],
  ] as const)('lang %s with Accept-Language %s reads %s', (lang, header, expected) => expect(chooseLanguage(lang, header)).toBe(expected));
});
