import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Countdown } from '../format/countdown';
import type { MessageKey } from './messages';
import { departmentName, formattingLocale, type Language, LANGUAGES, type Params, pickLanguage, translate } from './translate';

export interface I18n {
  readonly language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, params?: Params): string;
  /** A calendar date (YYYY-MM-DD), the same day wherever the reader is. */
  date(day: string): string;
  dateTime(instant: string): string;
  time(instant: string): string;
  relative(countdown: Countdown): string;
  department(id: string): string;
}

const STORAGE_KEY = 'kluis.language';
const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  const chosen = window.localStorage.getItem(STORAGE_KEY);
  return LANGUAGES.find((language) => language === chosen) ?? pickLanguage(window.navigator.languages);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    setLanguageState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const locale = formattingLocale(language, window.navigator.languages);
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const clock = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    return {
      language,
      setLanguage,
      t: (key, params) => translate(language, key, params),
      date: (value) => day.format(new Date(`${value}T00:00:00Z`)),
      dateTime: (value) => moment.format(new Date(value)),
      time: (value) => clock.format(new Date(value)),
      relative: ({ overdue, amount, unit }) => relative.format(overdue ? -amount : amount, unit),
      department: (id) => departmentName(language, id),
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n needs an I18nProvider');
  return i18n;
}

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', nl: 'Nederlands' };

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map((option) => (
        <button key={option} type="button" lang={option} aria-pressed={option === language} onClick={() => setLanguage(option)}>
          {LANGUAGE_NAMES[option]}
        </button>
      ))}
    </div>
  );
}
