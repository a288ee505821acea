export { inspect } from './inspect';
export { compare, pdfFilesIn, referenceReadings, vaultReading } from './pdf-differential';
export type { Comparison, ReferenceReading } from './pdf-differential';
export { bytes, catalog, objectStream, objectStreamBrokenHalfway, page, pageTree, pdf, scriptInObjectStream, stream } from './pdf-files';
export type { ObjectStreamEncoding } from './pdf-files';
