import { createInflate, type Inflate } from 'node:zlib';
import { type PdfFindings, PdfNameWatcher } from './pdf-findings';
import { PdfTokenizer } from './pdf-tokenizer';

/** Where the data of an object stream goes: its objects are PDF syntax, read like the rest of the file. */
export interface ObjectStreamReader {
  /** Resolves once `bytes` are taken, so that a compressed stream is read no faster than it is decoded. */
  write(bytes: Buffer): Promise<void>;
  end(): void;
  /** Resolves when everything written has been read; never rejects. */
  readonly done: Promise<void>;
}

function syntaxReader(findings: PdfFindings): PdfTokenizer {
  const watcher = new PdfNameWatcher(findings, false);
  return new PdfTokenizer((token) => watcher.token(token));
}

/** An object stream stored as is. */
export function plainObjectStream(findings: PdfFindings): ObjectStreamReader {
  const tokenizer = syntaxReader(findings);
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
export function inflatedObjectStream(findings: PdfFindings, budget: { remaining: number }): ObjectStreamReader {
  const tokenizer = syntaxReader(findings);
  const inflate: Inflate = createInflate();
  const unreadable = () => findings.flag('UnreadableObjectStream');
  inflate.on('data', (decoded: Buffer) => {
    budget.remaining -= decoded.length;
    if (budget.remaining < 0) {
      unreadable();
      inflate.destroy();
      return;
    }
    tokenizer.write(decoded);
  });
  inflate.on('end', () => tokenizer.end());
  inflate.on('error', unreadable);
  const done = new Promise<void>((resolve) => inflate.once('close', () => resolve()));
  return {
    write: (bytes) =>
      new Promise((resolve) => {
        if (inflate.destroyed) resolve();
        else inflate.write(bytes, () => resolve());
      }),
    end: () => {
      if (!inflate.destroyed) inflate.end();
    },
    done,
  };
}
