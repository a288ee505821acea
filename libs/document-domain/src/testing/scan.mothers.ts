import type { RecordScanVerdict } from '../document/document.commands';
import type { DocumentEvent } from '../document/document.events';

export const heldForScan = (documentId: string, at = '2026-11-02T09:00:00.000Z'): DocumentEvent => ({ type: 'DocumentHeldForScan', data: { documentId, heldAt: at } });

export const scanCleared = (documentId: string, at = '2026-11-02T10:00:00.000Z', reviewDueAt = '2026-11-09T10:00:00.000Z'): DocumentEvent => ({
  type: 'DocumentScanCleared',
  data: { documentId, clearedAt: at, reviewDueAt },
});

export const scannedClean = (documentId: string): RecordScanVerdict => ({ type: 'RecordScanVerdict', documentId, verdict: { clean: true } });

export const scannedInfected = (documentId: string, signature = 'Custom.EICAR.Body'): RecordScanVerdict => ({
  type: 'RecordScanVerdict',
  documentId,
  verdict: { clean: false, signature },
});
