/*
 * What of the domain the browser app loads: the vocabularies the REST API speaks, and the ICAO check digit the
 * review desk checks a typed MRZ with. The vault and the app read them from the same declarations. Nothing reachable
 * from here may import Node's modules or a package, so the app's bundle stays free of server code; a spec holds it
 * to that.
 */
export { type Assurance, type ChipAuthentication, type ChipStepName, type HolderCheck } from '../chip/chip-reading';
export { type Channel, type DocumentStatus, type DocumentType, type EvidenceKind } from '../document-type';
export { FACT_NAMES, type FactName, type Facts } from '../facts';
export { type HolderField } from '../holder-check';
export { computeCheckDigit } from '../mrz/check-digit';
export { type NoticeKind } from '../notices/notice.events';
