export { CHIP_FAILURE_CODES } from './chip-failure';
export type { ChipFailureCode } from './chip-failure';
export type { ChipCertificateSummary, ChipStep, ChipVerdict } from './chip-verdict';
export { verifyChipReading } from './verify-chip-reading';
export type { ChipReading } from './verify-chip-reading';
export { CscaTrustStore } from './trust-store/csca-trust-store';
export { loadCscaTrustStore, TrustStoreUnreadable } from './trust-store/load-trust-store';
