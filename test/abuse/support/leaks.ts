/** What no answer may ever carry, whoever asks: internals that help an attacker and mean nothing to a client. */
export function internalLeaks(text: string, dataDir: string, storageKeys: readonly string[]): string[] {
  const found: string[] = [];
  if (/\n\s+at \S/.test(text) || /\bat \S+ \([^)]*:\d+:\d+\)/.test(text)) found.push('a stack trace');
  if (text.includes('node_modules')) found.push('node_modules');
  if (text.includes(dataDir)) found.push('the data directory');
  if (/(^|[^\w.-])\/(tmp|work|home|root|usr|var|opt)\//.test(text)) found.push('a filesystem path');
  // Links to the API (`/v1/documents/<id>`) are fine; a bare `documents/<uuid>` is how blobs are keyed in storage.
  if (/(?<!\/v1\/)(?<![\w/])documents\/[0-9a-f]{8}-[0-9a-f]{4}-/.test(text)) found.push('a storage key');
  for (const key of storageKeys) if (text.includes(key)) found.push(`the storage key ${key}`);
  return found;
}

/** Which of the given secrets (ids, hashes) an answer reveals. */
export const revealed = (text: string, secrets: ReadonlyMap<string, string>) =>
  [...secrets].filter(([value]) => text.includes(value)).map(([value, what]) => `${what} (${value})`);
