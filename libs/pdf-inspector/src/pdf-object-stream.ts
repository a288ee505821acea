import { createInflate, type Inflate } from 'node:zlib';
import type { EncryptedObjectStreams } from './pdf-encrypted-object-streams';
import type { PdfFindings } from './pdf-findings';
import { PdfObjectWatcher } from './pdf-object-watcher';
import { PdfTokenizer } from './pdf-tokenizer';

/** Where the data of an object stream goes: its objects are PDF syntax, read like the rest of the file. */
export interface ObjectStreamReader {
  /** Resolves once `bytes` are taken, so that a compressed stream is read no faster than it is decoded. */
  write(bytes: Buffer): Promise<void>;
  end(): void;
  /** Resolves when everything written has been read; never rejects. */
  readonly done: Promise<void>;
}

function syntaxReader(findings: PdfFindings, objectCount: number | null): PdfTokenizer {
  const watcher = new PdfObjectWatcher(findings, objectCount);
  return new PdfTokenizer((token) => watcher.token(token));
}

/** An object stream stored as is. */
export function plainObjectStream(findings: PdfFindings, objectCount: number | null): ObjectStreamReader {
  const tokenizer = syntaxReader(findings, objectCount);
  let finish = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return {
    write: async (bytes) => {
      tokenizer.write(bytes);
    },
    end: () => {
      tokenizer.end();
      finish();
    },
    done,
  };
}

/** Which object an object stream is, and how many objects it holds. */
export interface ObjectStreamOrigin {
  readonly objectCount: number | null;
  readonly objectNumber: number | null;
  readonly generation: number;
}

/**
 * A FlateDecode object stream, inflated as it arrives. Decoded bytes count against `budget`, shared by the whole
 * file, so that a small file cannot make the inspector decode without end; past it the stream is flagged as
 * unreadable. Data that does not inflate from its first bytes on may be encrypted: it is held for `encrypted`.
 */
export function inflatedObjectStream(findings: PdfFindings, origin: ObjectStreamOrigin, budget: { remaining: number }, encrypted: EncryptedObjectStreams): ObjectStreamReader {
  const tokenizer = syntaxReader(findings, origin.objectCount);
  const inflate: Inflate = createInflate();
  // zlib calls no write callback after a data error, so every write still waiting is let go when it closes.
  const waiting = new Set<() => void>();
  // The raw data, until the stream has inflated to something; null once it has, or once there is too much to hold.
  let raw: Buffer[] | null = [];
  let failed = false;
  let ended = false;
  let settled = false;
  const settle = () => {
    if (settled || !failed || !ended) return;
    settled = true;
    if (raw && origin.objectNumber !== null) encrypted.hold({ findings, objectNumber: origin.objectNumber, generation: origin.generation, objectCount: origin.objectCount, data: Buffer.concat(raw) });
    else findings.flag('UnreadableObjectStream');
    raw = null;
  };
  inflate.on('data', (decoded: Buffer) => {
    raw = null;
    budget.remaining -= decoded.length;
    if (budget.remaining < 0) {
      findings.flag('UnreadableObjectStream');
      inflate.destroy();
    } else {
      tokenizer.write(decoded);
    }
  });
  inflate.on('end', () => tokenizer.end());
  inflate.on('error', () => {
    failed = true;
    inflate.destroy();
    settle();
  });
  const done = new Promise<void>((resolve) =>
    inflate.once('close', () => {
      for (const release of waiting) release();
      waiting.clear();
      resolve();
    }),
  );
  return {
    write: (bytes) =>
      new Promise((resolve) => {
        if (raw) raw = encrypted.reserve(bytes.length) ? [...raw, bytes] : null;
        if (inflate.destroyed) {
          resolve();
          return;
        }
        const release = () => {
          waiting.delete(release);
          resolve();
        };
        waiting.add(release);
        inflate.write(bytes, release);
      }),
    end: () => {
      ended = true;
      if (!inflate.destroyed) inflate.end();
      settle();
    },
    done,
  };
}
