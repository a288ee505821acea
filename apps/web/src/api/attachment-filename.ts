/**
 * The filename the vault suggests in `Content-Disposition: attachment; filename="…"`, without any path, or null when
 * it suggests none. The vault writes plain ASCII names, so the RFC 6266 `filename*` form is not needed.
 */
export function attachmentFilename(disposition: string | null): string | null {
  const match = disposition?.match(/;\s*filename="([^"]*)"/i) ?? disposition?.match(/;\s*filename=([^;\s]+)/i);
  const name = match?.[1].split(/[\\/]/).pop()?.trim();
  return name ? name : null;
}
