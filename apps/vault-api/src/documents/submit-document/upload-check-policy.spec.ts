import type { PdfInspection } from '@kluis/pdf-inspector';
import { DEFAULT_UPLOAD_CHECK_POLICY, type UploadCheckPolicy } from '../../config/upload-config';
import { judgePdf } from './upload-check-policy';

const inspected = (pages: number, activeContent: PdfInspection['activeContent'] = [], encryption: PdfInspection['encryption'] = 'none'): PdfInspection => ({
  pages,
  activeContent,
  encryption,
});
const flagging: UploadCheckPolicy = { maxPages: 200, activeContent: 'flag' };

describe('the upload check policy for PDFs', () => {
  it('by default allows 200 pages and refuses active content', () =>
    expect(DEFAULT_UPLOAD_CHECK_POLICY).toEqual({ maxPages: 200, activeContent: 'refuse' }));

  it('accepts a plain document of up to the page limit', () =>
    expect(judgePdf(inspected(200), DEFAULT_UPLOAD_CHECK_POLICY)).toEqual({ outcome: 'accept', flagged: [] }));

  it('refuses a document of more pages than the limit', () =>
    expect(judgePdf(inspected(201), DEFAULT_UPLOAD_CHECK_POLICY)).toEqual({ outcome: 'too-many-pages', pages: 201, maxPages: 200 }));

  it('refuses active content under the refuse policy', () =>
    expect(judgePdf(inspected(2, ['JavaScript', 'OpenAction']), DEFAULT_UPLOAD_CHECK_POLICY)).toEqual({
      outcome: 'active-content',
      activeContent: ['JavaScript', 'OpenAction'],
    }));

  it('accepts active content under the flag policy, and says what it was', () =>
    expect(judgePdf(inspected(2, ['Launch']), flagging)).toEqual({ outcome: 'accept', flagged: ['Launch'] }));

  it('refuses too many pages under the flag policy too', () =>
    expect(judgePdf(inspected(500, ['XFA']), flagging)).toMatchObject({ outcome: 'too-many-pages' }));

  it('refuses a PDF that asks for a password under either policy', () => {
    expect(judgePdf(inspected(1, [], 'password'), DEFAULT_UPLOAD_CHECK_POLICY)).toEqual({ outcome: 'password-protected' });
    expect(judgePdf(inspected(1, [], 'password'), flagging)).toEqual({ outcome: 'password-protected' });
  });

  it('accepts a PDF encrypted with an empty password, which opens without asking', () =>
    expect(judgePdf(inspected(1, [], 'empty-password'), DEFAULT_UPLOAD_CHECK_POLICY)).toEqual({ outcome: 'accept', flagged: [] }));
});
