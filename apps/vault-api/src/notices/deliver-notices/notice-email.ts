import type { NoticeIssued, NoticeKind } from '@kluis/document-domain';
import { longDate } from '../wording/names';

export interface NoticeEmail {
  readonly subject: string;
  readonly text: string;
}

const WHAT_HAPPENED: Record<NoticeKind, { subject: string; en: string; nl: string }> = {
  received: { subject: 'We received your document', en: 'We received a document from you.', nl: 'We hebben een document van u ontvangen.' },
  rejected: { subject: 'We could not accept your document', en: 'We could not accept a document you sent us. Sign in to read why and what to send instead.', nl: 'We konden een document van u niet accepteren. Log in om te lezen waarom en wat u kunt sturen.' },
  requested: { subject: 'We need a document from you', en: 'We need a document from you.', nl: 'We hebben een document van u nodig.' },
  reminder: { subject: 'Reminder: we still need a document from you', en: 'We still need a document from you.', nl: 'We hebben nog een document van u nodig.' },
  verified: { subject: 'Your document was checked', en: 'A document you sent us was checked and accepted.', nl: 'Een document van u is gecontroleerd en goedgekeurd.' },
  revoked: { subject: 'We can no longer rely on your document', en: 'We can no longer rely on a document you sent us. Sign in to read why and what to send instead.', nl: 'We kunnen niet meer vertrouwen op een document van u. Log in om te lezen waarom en wat u kunt sturen.' },
  escalated: { subject: 'We are acting on a missing document', en: 'We did not receive a document we asked you for in time, and are now taking a measure. Sign in to read which and what to send.', nl: 'We hebben een gevraagd document niet op tijd van u ontvangen en nemen nu een maatregel. Log in om te lezen welke en wat u kunt sturen.' },
  'expiring-soon': { subject: 'Your document expires soon', en: 'A document we hold for you expires soon.', nl: 'Een document van u verloopt binnenkort.' },
  erased: { subject: 'Your data was erased', en: 'We erased your documents and personal data.', nl: 'We hebben uw documenten en persoonsgegevens gewist.' },
};

/**
 * The mail for a notice. Mail leaves the bank's hands, so it says only what happened, the reference, the dates the
 * customer must act by, and where to sign in: never a document's content, a fact read from it, its filename, a
 * reviewer's wording or a department's purpose. Those are in the inbox, behind the sign-in.
 */
export function noticeEmail(notice: NoticeIssued['data'], signInUrl: string): NoticeEmail {
  const what = WHAT_HAPPENED[notice.kind];
  const { reviewDueAt, dueBy } = notice.about;
  const when = reviewDueAt
    ? { en: `We will check it by ${longDate(reviewDueAt, 'en')}.`, nl: `We controleren het uiterlijk ${longDate(reviewDueAt, 'nl')}.` }
    : dueBy
      ? { en: `Please send it by ${longDate(dueBy, 'en')}.`, nl: `Stuur het uiterlijk ${longDate(dueBy, 'nl')}.` }
      : { en: '', nl: '' };
  const paragraph = (...lines: string[]) => lines.filter(Boolean).join(' ');
  const text = [
    'Hello,',
    paragraph(what.en, when.en),
    `Your reference: ${notice.reference}`,
    `Sign in to see the details: ${signInUrl}`,
    '--',
    'Goedendag,',
    paragraph(what.nl, when.nl),
    `Uw referentie: ${notice.reference}`,
    `Log in voor de details: ${signInUrl}`,
    '',
  ].join('\n\n');
  return { subject: `${what.subject} (${notice.reference})`, text };
}
