import type { NoticeIssued } from '@kluis/document-domain';
import type { Language } from './language';
import { CHANNEL_NAMES, DOCUMENT_NAMES, EVIDENCE_NAMES, longDate } from './names';

export interface NoticeText {
  readonly title: string;
  readonly body: string;
}

type Notice = NoticeIssued['data'];

/**
 * What the customer reads in their inbox, in the vault's own words. A department's purpose is quoted as its stated
 * purpose, never as the headline. An erased customer's notices keep their kind and date, and say no more.
 */
export function noticeText(notice: Notice, language: Language): NoticeText {
  const nl = language === 'nl';
  const { about } = notice;
  if (notice.kind !== 'erased' && Object.keys(about).length === 0) {
    return nl
      ? { title: 'Bericht', body: 'De inhoud van dit bericht is gewist, met uw andere persoonsgegevens.' }
      : { title: 'Notice', body: 'What this notice said was erased, with the rest of your personal data.' };
  }
  const documentName = about.documentType ? DOCUMENT_NAMES[language][about.documentType] : 'document';
  const date = (iso: string | null | undefined) => (iso ? longDate(iso, language) : '');
  // A reviewer's reason is quoted as written, ended as a sentence so the next one reads as one.
  const reason = about.message ? (/[.!?]$/.test(about.message.trim()) ? about.message.trim() : `${about.message.trim()}.`) : '';
  switch (notice.kind) {
    case 'received':
      return nl
        ? { title: 'We hebben uw document ontvangen', body: `We hebben uw ${documentName} ${CHANNEL_NAMES.nl[about.channel ?? 'online']} ontvangen. We controleren het uiterlijk ${date(about.reviewDueAt)}.` }
        : { title: 'We received your document', body: `We received your ${documentName} ${CHANNEL_NAMES.en[about.channel ?? 'online']}. We will check it by ${date(about.reviewDueAt)}.` };
    case 'rejected':
      return nl
        ? { title: 'We konden uw document niet accepteren', body: `We konden uw ${documentName} niet accepteren. Reden: ${reason} Stuur ons een nieuw document.` }
        : { title: 'We could not accept your document', body: `We could not accept your ${documentName}. The reason: ${reason} Please send us a new one.` };
    case 'verified':
      return nl
        ? { title: 'Uw document is gecontroleerd', body: `Uw ${documentName} is gecontroleerd en goedgekeurd. U hoeft het niet opnieuw te sturen.` }
        : { title: 'Your document was checked', body: `Your ${documentName} was checked and accepted. You do not need to send it again.` };
    case 'requested':
    case 'reminder': {
      const what = about.evidenceKind ? EVIDENCE_NAMES[language][about.evidenceKind] : nl ? 'een document' : 'a document';
      const by = about.dueBy ? (nl ? ` uiterlijk ${date(about.dueBy)}` : ` by ${date(about.dueBy)}`) : '';
      const purpose = about.purpose ? (nl ? ` Door hen opgegeven doel: "${about.purpose}".` : ` Their stated purpose: "${about.purpose}".`) : '';
      const forWhom = about.department ? (nl ? ` voor ${about.department}` : ` for ${about.department}`) : '';
      // An ask that waited on a document she sent says why that one could not be accepted, before what to send.
      const refused = reason ? (nl ? `We konden het document dat u stuurde niet accepteren. Reden: ${reason} ` : `We could not accept the document you sent. The reason: ${reason} `) : '';
      if (notice.kind === 'reminder') {
        return nl
          ? { title: 'Herinnering: we hebben nog een document van u nodig', body: `We hebben nog ${what} van u nodig${by}.` }
          : { title: 'Reminder: we still need a document from you', body: `We still need ${what} from you${by}.` };
      }
      return nl
        ? { title: 'We hebben een document van u nodig', body: `${refused}We hebben ${what} van u nodig${forWhom}${by}.${purpose}` }
        : { title: 'We need a document from you', body: `${refused}We need ${what} from you${forWhom}${by}.${purpose}` };
    }
    case 'escalated': {
      const what = about.evidenceKind ? EVIDENCE_NAMES[language][about.evidenceKind] : nl ? 'een document' : 'a document';
      const purpose = about.purpose ? (nl ? ` Door hen opgegeven doel: "${about.purpose}".` : ` Their stated purpose: "${about.purpose}".`) : '';
      return nl
        ? { title: 'We ondernemen actie om een ontbrekend document', body: `We hebben ${what} niet op tijd van u ontvangen, ook niet na onze herinnering. ${about.department} neemt nu deze maatregel: ${about.action}.${purpose} Stuur ons ${what} zo snel mogelijk.` }
        : { title: 'We are acting on a missing document', body: `We did not receive ${what} from you in time, not even after our reminder. ${about.department} now takes this measure: ${about.action}.${purpose} Please send us ${what} as soon as you can.` };
    }
    case 'revoked':
      return nl
        ? { title: 'We vertrouwen niet meer op uw document', body: `We kunnen niet meer op uw ${documentName} vertrouwen. Reden: ${reason} Stuur ons een nieuw document.` }
        : { title: 'We can no longer rely on your document', body: `We can no longer rely on your ${documentName}. The reason: ${reason} Please send us a new one.` };
    case 'expiring-soon':
      return nl
        ? { title: 'Uw document verloopt binnenkort', body: `Uw ${documentName} is geldig tot ${date(about.validUntil)}. Stuur ons op tijd een nieuw exemplaar.` }
        : { title: 'Your document expires soon', body: `Your ${documentName} is valid until ${date(about.validUntil)}. Please send us a new one in time.` };
    case 'erased':
      return nl
        ? { title: 'Uw gegevens zijn gewist', body: 'We hebben uw documenten en persoonsgegevens gewist, zoals de wet vraagt.' }
        : { title: 'Your data was erased', body: 'We erased your documents and personal data, as the law asks.' };
  }
}
