export { parseMrz } from './parse-mrz';
export { crossCheckFacts, factsFromMrz } from './mrz-facts';
export { holderNameMatches, holderNamesMatch } from './holder-name-match';
export { MrzRefused } from './mrz-error';
export type { MrzError, MrzErrorCode, MrzField } from './mrz-error';
export type { FactMismatch, MrzFactName, MrzFacts } from './mrz-facts';
export type { MrzFormat, MrzResult, MrzSex, ParsedMrz, ParsedTd1, ParsedTd3OrTd2, ParseMrzOptions } from './parsed-mrz';
