import type { Channel, DocumentType, EvidenceKind } from '@kluis/document-domain';
import { TYPE_NAMES } from '../../documents';
import type { Language } from './language';

export const DOCUMENT_NAMES: Record<Language, Record<DocumentType, string>> = {
  // The same names as in the document's history.
  en: TYPE_NAMES as Record<DocumentType, string>,
  nl: {
    passport: 'paspoort',
    'id-card': 'identiteitskaart',
    'residence-permit': 'verblijfsvergunning',
    'driving-licence': 'rijbewijs',
    'notarial-power-of-attorney': 'notariële volmacht',
    'notarial-deed': 'notariële akte',
    'proof-of-address': 'adresbewijs',
    'chamber-of-commerce-extract': 'uittreksel van de Kamer van Koophandel',
  },
};

export const EVIDENCE_NAMES: Record<Language, Record<EvidenceKind, string>> = {
  en: { identity: 'a valid proof of identity', 'power-of-attorney': 'a power of attorney', address: 'a proof of address', 'company-registration': 'a company registration' },
  nl: { identity: 'een geldig identiteitsbewijs', 'power-of-attorney': 'een volmacht', address: 'een adresbewijs', 'company-registration': 'een inschrijving van uw bedrijf' },
};

export const CHANNEL_NAMES: Record<Language, Record<Channel, string>> = {
  en: { online: 'online', branch: 'at a branch', post: 'by post' },
  nl: { online: 'online', branch: 'op een kantoor', post: 'per post' },
};

/** A date as the customer reads it: 14 December 2026, 14 december 2026. */
export const longDate = (iso: string, language: Language): string =>
  new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));
