import { inflateSync } from 'node:zlib';
import { decryptStream, emptyPasswordKey } from './pdf-encryption';
import type { PdfFindings } from './pdf-findings';
import { PdfObjectWatcher } from './pdf-object-watcher';
import { PdfTokenizer } from './pdf-tokenizer';

/** An object stream that did not inflate as it came, kept whole in case it is encrypted. */
export interface HeldObjectStream {
  readonly findings: PdfFindings;
  readonly objectNumber: number;
  readonly generation: number;
  readonly objectCount: number | null;
  readonly data: Buffer;
}

/** All held object streams of one file together keep at most this many bytes; beyond, a stream is unreadable. */
const HELD_BUDGET_BYTES = 16 * 1024 * 1024;

/**
 * Object streams of an encrypted file cannot be read as they stream by: the encryption dictionary that holds the key
 * is often written after them. Those that fail to inflate are held, within a fixed budget, and read once the file
 * has ended: decrypted with the empty user password's key when the file has one, else flagged as unreadable.
 */
export class EncryptedObjectStreams {
  private readonly held: HeldObjectStream[] = [];
  private remaining = HELD_BUDGET_BYTES;

  /** Reserves room for `bytes` more held bytes; false when the budget is spent. */
  reserve(bytes: number): boolean {
    if (bytes > this.remaining) return false;
    this.remaining -= bytes;
    return true;
  }

  hold(stream: HeldObjectStream): void {
    this.held.push(stream);
  }

  /** Reads every held stream, decoding at most `budget.remaining` bytes in all. */
  readHeld(findings: PdfFindings, budget: { remaining: number }): void {
    const { encrypted, parameters } = findings.encryptionState();
    const key = encrypted ? emptyPasswordKey(parameters) : null;
    for (const stream of this.held) {
      const decrypted = key ? decryptStream(parameters, key, stream.objectNumber, stream.generation, stream.data) : null;
      const decoded = decrypted && inflateWithin(decrypted, budget);
      if (!decoded) {
        stream.findings.flag('UnreadableObjectStream');
        continue;
      }
      const watcher = new PdfObjectWatcher(stream.findings, stream.objectCount);
      const tokenizer = new PdfTokenizer((token) => watcher.token(token));
      tokenizer.write(decoded);
      tokenizer.end();
    }
    this.held.length = 0;
  }
}

function inflateWithin(data: Buffer, budget: { remaining: number }): Buffer | null {
  if (budget.remaining <= 0) return null;
  try {
    const decoded = inflateSync(data, { maxOutputLength: budget.remaining });
    budget.remaining -= decoded.length;
    return decoded;
  } catch {
    return null;
  }
}
