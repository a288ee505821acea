export * from './chip-reading';
export * from './chip-reading.errors';
export type { RecordChipReading } from './record-chip-reading';
