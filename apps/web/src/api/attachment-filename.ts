/**
 * The filename the vault suggests in `Content-Disposition`, without any path, or null when it suggests none. The
 * RFC 6266 `filename*=UTF-8''…` form wins over the plain `filename="…"`, which carries only an ASCII stand-in for a
 * name such as `Überweisung.pdf`.
 */
export function attachmentFilename(disposition: string | null): string | null {
  const extended = disposition?.match(/;\s*filename\*=UTF-8''([^;\s]+)/i);
  const match = disposition?.match(/;\s*filename="([^"]*)"/i) ?? disposition?.match(/;\s*filename=([^;\s]+)/i);
  const raw = (extended && decoded(extended[1])) ?? match?.[1];
  const name = raw?.split(/[\\/]/).pop()?.trim();
  return name ? name : null;
}

function decoded(percentEncoded: string): string | undefined {
  try {
    return decodeURIComponent(percentEncoded);
  } catch {
    return undefined;
  }
}
