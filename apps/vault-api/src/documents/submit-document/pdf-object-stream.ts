import { createInflate, type Inflate } from 'node:zlib';
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

/**
 * A FlateDecode object stream, inflated as it arrives. Decoded bytes count against `budget`, shared by the whole
 * file, so that a small file cannot make the inspector decode without end; past it, or when the data does not
 * inflate to its end, the stream is flagged as unreadable.
 */
export function inflatedObjectStream(findings: PdfFindings, objectCount: number | null, budget: { remaining: number }): ObjectStreamReader {
  const tokenizer = syntaxReader(findings, objectCount);
  const inflate: Inflate = createInflate();
  // zlib calls no write callback after a data error, so every write still waiting is let go when it closes.
  const waiting = new Set<() => void>();
  const unreadable = () => {
    findings.flag('UnreadableObjectStream');
    inflate.destroy();
  };
  inflate.on('data', (decoded: Buffer) => {
    budget.remaining -= decoded.length;
    if (budget.remaining < 0) unreadable();
    else tokenizer.write(decoded);
  });
  inflate.on('end', () => tokenizer.end());
  inflate.on('error', unreadable);
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
      if (!inflate.destroyed) inflate.end();
    },
    done,
  };
}
