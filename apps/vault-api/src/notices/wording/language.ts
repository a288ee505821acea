export const LANGUAGES = ['en', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

/** An explicit `lang` wins; otherwise the first language of Accept-Language the vault speaks; otherwise English. */
export function chooseLanguage(lang: Language | undefined, acceptLanguage: string | undefined): Language {
  if (lang) return lang;
  for (const range of (acceptLanguage ?? '').split(',')) {
    const primary = range.split(';')[0].trim().slice(0, 2).toLowerCase();
    if ((LANGUAGES as readonly string[]).includes(primary)) return primary as Language;
  }
  return 'en';
}
