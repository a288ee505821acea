/**
 * `Content-Disposition` for a download (RFC 6266): an ASCII stand-in for old clients, and the UTF-8 name in the
 * RFC 8187 form, where `'`, `(`, `)` and `*` must be percent-encoded too (encodeURIComponent leaves them), so
 * that a name such as `Maria's paspoort.pdf` is read whole. Nothing in the name can end the header or the value.
 */
export function attachmentHeader(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
