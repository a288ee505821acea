/** The only file types the vault accepts, judged by their first bytes, never by name or declared type. */
const SIGNATURES: readonly { readonly mediaType: AcceptedMediaType; readonly magic: readonly number[] }[] = [
  { mediaType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { mediaType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mediaType: 'image/tiff', magic: [0x49, 0x49, 0x2a, 0x00] },
  { mediaType: 'image/tiff', magic: [0x4d, 0x4d, 0x00, 0x2a] },
];

export type AcceptedMediaType = 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/tiff';

/** Bytes needed to tell every accepted type apart. */
export const SNIFF_BYTES = 8;

export function sniffMediaType(head: Uint8Array): AcceptedMediaType | null {
  const match = SIGNATURES.find(({ magic }) => head.length >= magic.length && magic.every((byte, index) => head[index] === byte));
  return match?.mediaType ?? null;
}

const EXTENSIONS: Readonly<Record<AcceptedMediaType, string>> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png', 'image/tiff': 'tif' };

/** The extension a file of this sniffed type is saved with; `bin` for a type the vault never accepted. */
export function extensionOf(mediaType: string): string {
  return Object.hasOwn(EXTENSIONS, mediaType) ? EXTENSIONS[mediaType as AcceptedMediaType] : 'bin';
}
