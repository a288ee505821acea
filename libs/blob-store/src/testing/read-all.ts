import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

/** Every byte of `readable`, for small blobs only. */
export async function readAllBytes(readable: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of readable) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Size and lowercase hex SHA-256 of `readable`, read to its end without keeping it. */
export async function digestStream(readable: Readable): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of readable) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest('hex') };
}

export const sha256Hex = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');
