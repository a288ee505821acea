import { attachmentHeader } from './attachment-header';

describe('the Content-Disposition of a download', () => {
  it.each([
    ['an ASCII name', 'paspoort.pdf', `attachment; filename="paspoort.pdf"; filename*=UTF-8''paspoort.pdf`],
    ['a name with an apostrophe and brackets', "Maria's paspoort (2).pdf", `attachment; filename="Maria's paspoort (2).pdf"; filename*=UTF-8''Maria%27s%20paspoort%20%282%29.pdf`],
    ['a name beyond ASCII', 'Überweisung.pdf', `attachment; filename="_berweisung.pdf"; filename*=UTF-8''%C3%9Cberweisung.pdf`],
    ['a name with quotes and a backslash', 'a"b\\c.pdf', `attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`],
  ])('carries %s safely in both forms', (_case, filename, expected) => expect(attachmentHeader(filename)).toBe(expected));
});
