import { sniffMediaType } from './media-type';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('judging a file by its first bytes', () => {
  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n'), 'application/pdf'],
    ['a JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'image/jpeg'],
    ['a PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'image/png'],
    ['a little-endian TIFF', bytes(0x49, 0x49, 0x2a, 0x00, 8, 0), 'image/tiff'],
    ['a big-endian TIFF', bytes(0x4d, 0x4d, 0x00, 0x2a, 0, 0), 'image/tiff'],
  ])('recognises %s', (_name, head, expected) => expect(sniffMediaType(head)).toBe(expected));

  it.each([
    ['a Word file', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)],
    ['a zip', bytes(0x50, 0x4b, 0x03, 0x04)],
    ['HTML pretending to be a PDF', Buffer.from('<html><script>')],
    ['a truncated PNG signature', bytes(0x89, 0x50, 0x4e)],
    ['a GIF', Buffer.from('GIF89a')],
    ['nothing at all', bytes()],
    ['a BigTIFF', bytes(0x49, 0x49, 0x2b, 0x00)],
  ])('refuses %s', (_name, head) => expect(sniffMediaType(head)).toBeNull());
});
