import { downloadFilename } from './download-filename';

describe('the name a downloaded file is saved under', () => {
  it.each([
    ['keeps the customer\'s name and extension', 'paspoort scan.pdf', 'application/pdf', 'paspoort scan.pdf'],
    ['takes the extension from the bytes, not the name', 'Bankafschrift.hta', 'application/pdf', 'Bankafschrift.pdf'],
    ['drops a right-to-left override that disguised the extension', 'Bankafschrift\u202Efdp.hta', 'application/pdf', 'Bankafschriftfdp.pdf'],
    ['drops isolates and zero-width characters', 'pas\u2066poort\u200B\u200F.exe', 'image/jpeg', 'paspoort.jpg'],
    ['adds the extension a name lacks', 'ID card front', 'image/png', 'ID card front.png'],
    ['keeps an inner dot but replaces the last extension', 'scan.pdf.exe', 'image/tiff', 'scan.pdf.tif'],
    ['leaves no trailing dot or space before the extension', 'uittreksel. .hta', 'application/pdf', 'uittreksel.pdf'],
    ['falls back to the document type without a name', null, 'image/jpeg', 'passport.jpg'],
    ['falls back when nothing of the name is left', '\u202E\u200B', 'application/pdf', 'passport.pdf'],
  ])('%s', (_case, stored, mediaType, expected) => expect(downloadFilename(stored, mediaType, 'passport')).toBe(expected));
});
