import type { EvidenceKind } from '@kluis/document-domain';
import type { RequestView } from '@kluis/read-models';

type Language = 'en' | 'nl';

const WHAT: Record<Language, Record<EvidenceKind, string>> = {
  en: {
    identity: 'a valid identity document (passport, identity card, residence permit or driving licence)',
    'power-of-attorney': 'a notarial power of attorney',
    address: 'a proof of your address, no older than three months',
    'company-registration': 'a Chamber of Commerce extract, no older than three months',
  },
  nl: {
    identity: 'een geldig identiteitsbewijs (paspoort, identiteitskaart, verblijfsvergunning of rijbewijs)',
    'power-of-attorney': 'een notariële volmacht',
    address: 'een bewijs van uw adres, niet ouder dan drie maanden',
    'company-registration': 'een uittreksel van de Kamer van Koophandel, niet ouder dan drie maanden',
  },
};

const AND: Record<Language, string> = { en: 'and', nl: 'en' };
const LOCALE: Record<Language, string> = { en: 'en-GB', nl: 'nl-NL' };

const departmentName = (id: string) => id.split('-').map((word, index) => (index === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word)).join(' ');
const list = (names: readonly string[], language: Language) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} ${AND[language]} ${names.at(-1)}`);
const longDate = (date: string, language: Language) => new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

function sentence(request: RequestView, language: Language): string {
  const what = WHAT[language][request.kind];
  const forWhom = list([...new Set(request.askers.map((asker) => departmentName(asker.department)))], language);
  const when = request.dueBy ? longDate(request.dueBy, language) : null;
  const rejected = request.sentAfterRejection;
  if (language === 'nl') {
    const ask = `Wij hebben ${what} van u nodig voor ${forWhom}${when ? `, uiterlijk ${when}` : ''}. Zo kan de bank zich baseren op een gecontroleerd document in uw dossier.`;
    return rejected ? `Het document dat u stuurde, konden we niet accepteren: ${rejected.message} ${ask} Stuur ons daarom ${what}.` : ask;
  }
  const ask = `We need ${what} from you for ${forWhom}${when ? `, by ${when}` : ''}. It lets the bank rely on a checked document in your file.`;
  return rejected ? `We could not accept the document you sent: ${rejected.message} ${ask} Please send ${what} instead.` : ask;
}

/**
 * The vault's own plain wording of an ask: what, for whom, why and by when. A department's free-text purpose is its
 * stated purpose, shown beside this and never in its place, so no department can make the headline a threat.
 */
export const askWording = (request: RequestView) => ({ en: sentence(request, 'en'), nl: sentence(request, 'nl') });
