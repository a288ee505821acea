import { oneOf } from './one-of';
import { positiveInteger } from './positive-integer';

/** How strict the vault is about what an uploaded file may carry besides its pages. */
export interface UploadCheckPolicy {
  /** More pages than this and a PDF is refused. */
  readonly maxPages: number;
  /** `refuse`: a PDF with active content is not stored. `flag`: it is stored, and its active content recorded. */
  readonly activeContent: 'refuse' | 'flag';
}

export const DEFAULT_UPLOAD_CHECK_POLICY: UploadCheckPolicy = { maxPages: 200, activeContent: 'refuse' };

/** 100 megapixels: a 12,000 × 8,000 scan, and still far less than the gigapixels a "pixel flood" declares. */
export const DEFAULT_MAX_IMAGE_PIXELS = 100_000_000;

/** What an upload may weigh, how slowly it may arrive, and what the file in it may carry. */
export interface UploadConfig {
  readonly maxBytes: number;
  /** An upload that delivers less than a kilobyte in this long is cut off: a slow sender holds a connection. */
  readonly stallMs: number;
  /** What an uploaded PDF may carry: a page limit, and whether active content is refused or only flagged. */
  readonly checks: UploadCheckPolicy;
  /** An uploaded JPEG, PNG or TIFF declaring more pixels than this (width × height) is refused. */
  readonly maxImagePixels: number;
}

const MIB = 1024 * 1024;

export function loadUploadConfig(env: NodeJS.ProcessEnv): UploadConfig {
  return {
    maxBytes: positiveInteger(env, 'VAULT_MAX_UPLOAD_BYTES', 25 * MIB),
    stallMs: positiveInteger(env, 'VAULT_UPLOAD_STALL_MS', 15_000),
    checks: {
      maxPages: positiveInteger(env, 'VAULT_PDF_MAX_PAGES', DEFAULT_UPLOAD_CHECK_POLICY.maxPages),
      activeContent: oneOf(env, 'VAULT_PDF_ACTIVE_CONTENT', ['refuse', 'flag'] as const, DEFAULT_UPLOAD_CHECK_POLICY.activeContent),
    },
    maxImagePixels: positiveInteger(env, 'VAULT_IMAGE_MAX_PIXELS', DEFAULT_MAX_IMAGE_PIXELS),
  };
}
