import { extensionOf } from './submit-document/media-type';
import { sanitiseFilename } from './submit-document/sanitise-filename';

/**
 * The name a file is saved under: the customer's own name, cleaned again because older versions stored names as
 * sent, with the extension its bytes were judged by. A PDF that is also an HTML application, named
 * `Bankafschrift\u202Efdp.hta`, is saved as `Bankafschriftfdp.pdf`, never as something Windows would run.
 */
export function downloadFilename(stored: string | null, mediaType: string, fallbackStem: string): string {
  const stem = sanitiseFilename(stored ?? undefined)
    ?.replace(/\.[^.]*$/, '')
    .replace(/[. ]+$/, '');
  return `${stem || fallbackStem}.${extensionOf(mediaType)}`;
}
