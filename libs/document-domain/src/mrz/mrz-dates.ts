/**
 * MRZ dates are `YYMMDD`; the century has to be inferred, from `today` (read in UTC) and what the date means.
 *
 * - Date of birth: the latest date with those digits that is not after today, since nobody is born in the
 *   future. On 2026-03-01, `740812` is 1974-08-12, `260201` is 2026-02-01 and `260401` is 1926-04-01.
 * - Expiry: the year within 50 years of today's year, either way (today's year − 49 … today's year + 50). No
 *   travel document is valid for more than 10–15 years, so an expiry 51+ years ahead can only be an old document,
 *   and the 100-year window still reads every document expired within the last half-century correctly.
 */

export type MrzDateReading =
  | { readonly ok: true; readonly isoDate: string }
  | { readonly ok: false; readonly reason: string };

const EXPIRY_YEARS_AHEAD = 50;

/** The reason a date's characters are not digits at all: a sign the zone may not be an MRZ. */
export const NOT_DIGITS = 'must be six digits, YYMMDD';

/**
 * Doc 9303 Part 3 lets an issuer print fillers for the part of a birth date it does not know: the day (`7408<<`), or
 * the month and day (`74<<<<`). The reading then stops where knowledge stops, `1974-08` or `1974`, rather than
 * guessing a day; its century is the latest that is not after today, as for a full date.
 */
export function readBirthDate(yymmdd: string, today: Date): MrzDateReading {
  const known = /^(\d{2})(\d{2}<<|<{4})$/.exec(yymmdd);
  if (!known) return readBirthDateFrom(yymmdd, today);
  const month = yymmdd.slice(2, 4);
  const knownMonth = month !== '<<';
  if (knownMonth && (Number(month) < 1 || Number(month) > 12)) return { ok: false, reason: `is not a calendar date (no month ${month})` };
  const sameCentury = centuryOf(today.getUTCFullYear()) + Number(known[1]);
  const partial = knownMonth ? `${pad4(sameCentury)}-${month}` : pad4(sameCentury);
  const later = partial > isoDay(today).slice(0, partial.length);
  return { ok: true, isoDate: later ? `${pad4(sameCentury - 100)}${partial.slice(4)}` : partial };
}

function readBirthDateFrom(yymmdd: string, today: Date): MrzDateReading {
  return readDate(yymmdd, (twoDigitYear, monthDay) => {
    const todayIso = isoDay(today);
    const sameCentury = centuryOf(today.getUTCFullYear()) + twoDigitYear;
    return `${pad4(sameCentury)}-${monthDay}` > todayIso ? sameCentury - 100 : sameCentury;
  });
}

export function readExpiryDate(yymmdd: string, today: Date): MrzDateReading {
  return readDate(yymmdd, (twoDigitYear) => {
    const thisYear = today.getUTCFullYear();
    const sameCentury = centuryOf(thisYear) + twoDigitYear;
    if (sameCentury > thisYear + EXPIRY_YEARS_AHEAD) return sameCentury - 100;
    if (sameCentury <= thisYear + EXPIRY_YEARS_AHEAD - 100) return sameCentury + 100;
    return sameCentury;
  });
}

function readDate(yymmdd: string, yearOf: (twoDigitYear: number, monthDay: string) => number): MrzDateReading {
  if (yymmdd.includes('<')) {
    return { ok: false, reason: 'is partly unknown (fillers) where Doc 9303 allows none' };
  }
  if (!/^\d{6}$/.test(yymmdd)) return { ok: false, reason: NOT_DIGITS };
  const monthDay = `${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  const year = yearOf(Number(yymmdd.slice(0, 2)), monthDay);
  const isoDate = `${pad4(year)}-${monthDay}`;
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  // The reason names the faulty part only: a refusal may be logged, and a whole date of birth is personal data.
  if (month < 1 || month > 12) {
    return { ok: false, reason: `is not a calendar date (no month ${monthDay.slice(0, 2)})` };
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, reason: `is not a calendar date (no day ${monthDay.slice(3)} in that month)` };
  }
  return { ok: true, isoDate };
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function centuryOf(year: number): number {
  return Math.floor(year / 100) * 100;
}

function isoDay(date: Date): string {
  const twoDigits = (value: number) => String(value).padStart(2, '0');
  return `${pad4(date.getUTCFullYear())}-${twoDigits(date.getUTCMonth() + 1)}-${twoDigits(date.getUTCDate())}`;
}

function pad4(year: number): string {
  return String(year).padStart(4, '0');
}
