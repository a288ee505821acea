export { inspectPdf, PdfInspector, PdfNotReadToEndError } from './pdf-inspector';
export type { PdfActiveContent, PdfEncryption, PdfInspection } from './pdf-findings';
