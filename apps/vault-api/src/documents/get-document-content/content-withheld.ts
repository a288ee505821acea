import type { DocumentOnFile } from '@kluis/document-domain';
import { ProblemException } from '../../shared/http/problem.exception';

/** Why nobody may have a document's file now, or null when it may be sent. */
export function contentWithheld(state: DocumentOnFile): ProblemException | null {
  if (state.status === 'pending_scan') {
    return new ProblemException(409, 'DOCUMENT.AWAITING_MALWARE_SCAN', 'The file awaits its malware scan', 'Nobody can download this file until the malware scan has checked it.');
  }
  if (state.status === 'rejected' && state.rejection?.reasonCode === 'malware') {
    return new ProblemException(409, 'DOCUMENT.CONTENT_REMOVED', 'The file was removed', 'The malware scan found something harmful in this file, so it was removed.');
  }
  return null;
}
