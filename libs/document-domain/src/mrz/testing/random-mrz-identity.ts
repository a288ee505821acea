import { ICAO_STATE_CODES } from '../state-codes';
import type { MrzIdentity } from './encode-mrz';

/** A small seeded generator (mulberry32), so that a failing case can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALPHANUMERIC = `${LETTERS}0123456789`;
const DAY_MS = 24 * 60 * 60 * 1000;

export type RandomFormat = 'TD1' | 'TD2' | 'TD3';

/** Name field lengths; the document-number room a long TD1/TD2 number may take from the optional data. */
const LAYOUT = {
  TD1: { name: 30, optional: 15, longestNumber: 13, codes: 'ACI' },
  TD2: { name: 31, optional: 7, longestNumber: 13, codes: 'ACI' },
  TD3: { name: 39, optional: 14, longestNumber: 9, codes: 'P' },
} as const;

/**
 * A plausible, valid identity for the layout: birth within the last 100 years, expiry anywhere in the window the
 * parser reads (today's year − 49 … + 50), document numbers of 1 to 13 characters (over 9 only on TD1/TD2).
 */
export function randomIdentity(random: () => number, format: RandomFormat, today: Date): MrzIdentity {
  const layout = LAYOUT[format];
  const pick = (characters: string) => characters[Math.floor(random() * characters.length)];
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const word = (low: number, high: number, characters = LETTERS) =>
    Array.from({ length: between(low, high) }, () => pick(characters)).join('');
  const words = (low: number, high: number) => Array.from({ length: between(low, high) }, () => word(2, 9)).join(' ');

  let surname: string;
  let givenNames: string;
  do {
    surname = words(1, 2);
    givenNames = words(0, 3);
  } while (surname.length + 2 + givenNames.length > layout.name);

  const documentNumber = word(1, between(1, 3) === 1 ? layout.longestNumber : 9, ALPHANUMERIC);
  const numberRoom = documentNumber.length > 9 ? documentNumber.length - 9 + 2 : 0;
  // Germany's one-letter `D` one time in ten, so that its fillers are exercised too.
  const state = () => (between(1, 10) === 1 ? 'D' : ICAO_STATE_CODES[Math.floor(random() * ICAO_STATE_CODES.length)]);
  const thisYear = today.getUTCFullYear();
  const birth = new Date(today.getTime() - between(0, 100 * 365 - 1) * DAY_MS);
  const expiryStart = Date.UTC(thisYear - 49, 0, 1);
  const expiryDays = Math.floor((Date.UTC(thisYear + 50, 11, 31) - expiryStart) / DAY_MS);
  const expiry = new Date(expiryStart + between(0, expiryDays) * DAY_MS);

  const identity: MrzIdentity = {
    documentCode: pick(layout.codes) + (between(1, 2) === 1 ? '' : pick(LETTERS)),
    issuingState: state(),
    surname,
    givenNames,
    documentNumber,
    nationality: state(),
    dateOfBirth: birth.toISOString().slice(0, 10),
    sex: pick('FMX') as MrzIdentity['sex'],
    expiresOn: expiry.toISOString().slice(0, 10),
    optionalData: word(0, layout.optional - numberRoom, ALPHANUMERIC),
  };
  return format === 'TD1' ? { ...identity, optionalData2: word(0, 11, ALPHANUMERIC) } : identity;
}
