import { DEPARTMENT_NAMES, en, type MessageKey, nl } from './messages';

export type Language = 'en' | 'nl';
export const LANGUAGES: readonly Language[] = ['en', 'nl'];

const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, nl };

export type Params = Readonly<Record<string, string | number>>;

export function translate(language: Language, key: MessageKey, params: Params = {}): string {
  return CATALOGUES[language][key].replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in params ? String(params[name]) : placeholder));
}

/** The first of the browser's languages that the UI speaks; English otherwise. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    const match = LANGUAGES.find((language) => language === base);
    if (match) return match;
  }
  return 'en';
}

/** The browser's own variant of the language for dates and numbers (en-GB writes 1 January), else the language. */
export function formattingLocale(language: Language, preferred: readonly string[]): string {
  return preferred.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language;
}

/** Department ids are free text in tokens; known ones get a readable name. */
export function departmentName(language: Language, department: string): string {
  return DEPARTMENT_NAMES[language][department] ?? department.charAt(0).toUpperCase() + department.slice(1);
}

export const isMessageKey = (key: string): key is MessageKey => key in en;
