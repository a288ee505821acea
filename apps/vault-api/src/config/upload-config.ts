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
