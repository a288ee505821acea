/**
 * Encodes the parts that authenticated data binds a ciphertext to, each behind its length, so that no two
 * different lists of parts encode alike ("ab" + "c" is not "a" + "bc").
 */
export function associatedData(...parts: ReadonlyArray<string | Uint8Array>): Buffer {
  const buffers: Buffer[] = [];
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part.buffer, part.byteOffset, part.byteLength);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    buffers.push(length, bytes);
  }
  return Buffer.concat(buffers);
}
