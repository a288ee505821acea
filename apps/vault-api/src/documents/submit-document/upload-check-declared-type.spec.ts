import { declaredTypeMatches } from './upload-check-declared-type';

describe('the declared type of an uploaded file against its content', () => {
  it.each([
    ['the same type', 'application/pdf', 'application/pdf'],
    ['the same type with parameters and in capitals', 'Application/PDF; name="deed.pdf"', 'application/pdf'],
    ['an older spelling', 'image/pjpeg', 'image/jpeg'],
    ['image/jpg', 'image/jpg', 'image/jpeg'],
    ['no declared type', undefined, 'image/png'],
    ['application/octet-stream, which browsers send for unknown files', 'application/octet-stream', 'image/tiff'],
    ['text/plain, what a part without a Content-Type is taken to be', 'text/plain', 'application/pdf'],
    ['an empty declared type', '', 'application/pdf'],
  ] as const)('accepts %s', (_case, declared, sniffed) => expect(declaredTypeMatches(declared, sniffed)).toBe(true));

  it.each([
    ['a PNG that is a PDF', 'image/png', 'application/pdf'],
    ['HTML', 'text/html', 'application/pdf'],
    ['SVG', 'image/svg+xml', 'image/png'],
    ['a JPEG that is a TIFF', 'image/jpeg', 'image/tiff'],
    ['a PDF that is a JPEG', 'application/pdf', 'image/jpeg'],
    ['JavaScript', 'application/javascript', 'application/pdf'],
    ['a PNG declared as a GIF', 'image/gif', 'image/png'],
  ] as const)('refuses %s', (_case, declared, sniffed) => expect(declaredTypeMatches(declared, sniffed)).toBe(false));
});
