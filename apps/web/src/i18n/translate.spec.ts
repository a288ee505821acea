import { en, nl } from './messages';
import { departmentName, formattingLocale, pickLanguage, translate } from './translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('translations', () => {
  it('gives Dutch every English text, with the same placeholders', () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect({ key, placeholders: placeholders(nl[key]) }).toEqual({ key, placeholders: placeholders(en[key]) });
    }
  });

  it('fills in placeholders and leaves unknown ones visible', () => {
    expect(translate('nl', 'mine.validUntil', { date: '1 januari 2031' })).toBe('Geldig tot 1 januari 2031');
    expect(translate('en', 'queue.firstApprovalBy', {})).toBe('First approval by {name}');
  });

  it("follows the browser's languages, falling back to English", () => {
    expect(pickLanguage(['nl-NL', 'en-US'])).toBe('nl');
    expect(pickLanguage(['de-DE', 'en-GB'])).toBe('en');
    expect(pickLanguage(['fr'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });

  it("formats dates in the browser's variant of the chosen language", () => {
    expect(formattingLocale('en', ['nl-BE', 'en-GB'])).toBe('en-GB');
    expect(formattingLocale('nl', ['en-GB'])).toBe('nl');
  });

  it('names known departments and capitalises others', () => {
    expect(departmentName('nl', 'mortgages')).toBe('Hypotheken');
    expect(departmentName('en', 'private-banking')).toBe('Private-banking');
  });
});
