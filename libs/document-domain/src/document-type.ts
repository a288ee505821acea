export const DOCUMENT_TYPES = [
  'passport',
  'id-card',
  'residence-permit',
  'driving-licence',
  'notarial-power-of-attorney',
  'notarial-deed',
  'proof-of-address',
  'chamber-of-commerce-extract',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const EVIDENCE_KINDS = ['identity', 'power-of-attorney', 'address', 'company-registration'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const CHANNELS = ['online', 'branch', 'post'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DOCUMENT_STATUSES = [
  'pending_scan',
  'pending_review',
  'awaiting_second_review',
  'verified',
  'rejected',
  'expired',
  'withdrawn',
  'revoked',
  'erased',
] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const isDocumentType = (value: unknown): value is DocumentType =>
  typeof value === 'string' && (DOCUMENT_TYPES as readonly string[]).includes(value);
