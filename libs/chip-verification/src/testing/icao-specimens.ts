/**
 * The specimen MRZs printed in ICAO Doc 9303 (Part 4, TD3 passport; Part 5, TD1 card), holder Anna Maria Eriksson
 * of Utopia. Every check digit was recomputed with the 7-3-1 rule; the vault's MRZ reader accepts both.
 */
export const ICAO_TD3_SPECIMEN = [
  'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
  'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
] as const;

export const ICAO_TD1_SPECIMEN = [
  'I<UTOD231458907<<<<<<<<<<<<<<<',
  '7408122F1204159UTO<<<<<<<<<<<6',
  'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
] as const;
