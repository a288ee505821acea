/** What the vault accepts, judged here by name and type so a wrong file is caught before it is sent. */
export const ACCEPTED_EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png', '.tif', '.tiff'] as const;
export const ACCEPTED_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'] as const;

export type FileRefusal = { readonly reason: 'empty' } | { readonly reason: 'wrong-type' } | { readonly reason: 'too-large'; readonly maxBytes: number };

/**
 * A file the vault would refuse. The browser's type guess can be empty, so a known extension is enough; the vault
 * judges by the file's bytes anyway, and its 415 is shown the same way.
 */
export function refusalBeforeUpload(file: { name: string; type: string; size: number }, maxBytes: number): FileRefusal | null {
  const name = file.name.toLowerCase();
  const knownExtension = ACCEPTED_EXTENSIONS.some((extension) => name.endsWith(extension));
  const knownType = (ACCEPTED_MEDIA_TYPES as readonly string[]).includes(file.type);
  if (!knownExtension || (file.type !== '' && !knownType)) return { reason: 'wrong-type' };
  if (file.size === 0) return { reason: 'empty' };
  if (file.size > maxBytes) return { reason: 'too-large', maxBytes };
  return null;
}

/** 26214400 → "25 MB": sizes as people read them. */
export function humanSize(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}
