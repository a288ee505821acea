import type { PdfActiveContent, PdfInspection } from '@kluis/pdf-inspector';
import type { UploadCheckPolicy } from '../../config/upload-config';

export type PdfJudgement =
  | { readonly outcome: 'accept'; readonly flagged: readonly PdfActiveContent[] }
  | { readonly outcome: 'password-protected' }
  | { readonly outcome: 'too-many-pages'; readonly pages: number; readonly maxPages: number }
  | { readonly outcome: 'active-content'; readonly activeContent: readonly PdfActiveContent[] };

/**
 * What the policy makes of an inspected PDF; `flagged` lists active content kept under the `flag` policy. A PDF
 * encrypted with an empty user password opens without asking, so it is judged like any other.
 */
export function judgePdf(inspection: PdfInspection, policy: UploadCheckPolicy): PdfJudgement {
  // Whatever the policy, a file no reviewer can open is of no use to the review.
  if (inspection.encryption === 'password') return { outcome: 'password-protected' };
  if (inspection.pages > policy.maxPages) {
    return { outcome: 'too-many-pages', pages: inspection.pages, maxPages: policy.maxPages };
  }
  if (inspection.activeContent.length > 0 && policy.activeContent === 'refuse') {
    return { outcome: 'active-content', activeContent: inspection.activeContent };
  }
  return { outcome: 'accept', flagged: inspection.activeContent };
}
