import { Transform, type TransformCallback } from 'node:stream';
import { EncryptedObjectStreams } from './pdf-encrypted-object-streams';
import { PdfFindings, type PdfInspection } from './pdf-findings';
import { type ReadingContext, PdfReading } from './pdf-reading';

/** Object streams hold a few kilobytes to a few megabytes of objects; far more is a decompression bomb. */
const DECODED_BUDGET_BYTES = 32 * 1024 * 1024;

/**
 * A pass-through that reads a PDF as it streams by, keeping nothing but a few bytes of state, and answers in
 * `result` once the stream has ended: how many pages it has, what active content it carries, and whether it is
 * locked by a password.
 *
 * It reads the file front to back as a reader's lexer does (see `PdfReading`), without the cross-reference table, so
 * that nothing needs to be kept. Objects a reader could reach only through that table, hidden inside another
 * stream's data, are still looked at for long active names. It errs towards flagging: a damaged or unusual file may
 * be flagged although a reader would run nothing in it.
 */
export class PdfInspector extends Transform {
  readonly result: Promise<PdfInspection>;

  private readonly context: ReadingContext = { budget: { remaining: DECODED_BUDGET_BYTES }, objectStreams: [], encrypted: new EncryptedObjectStreams() };
  private reading = new PdfReading(new PdfFindings(), this.context);
  private settle!: { resolve: (inspection: PdfInspection) => void; reject: (error: Error) => void };

  constructor() {
    super();
    this.result = new Promise<PdfInspection>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    // A caller that only pipes through must not get an unhandled rejection when the upload fails.
    this.result.catch(() => undefined);
    this.once('close', () => this.settle.reject(new PdfNotReadToEndError()));
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const taken: Promise<void>[] = [];
    try {
      this.reading.write(chunk, 0, taken);
      this.reading = this.reading.current();
    } catch (error) {
      callback(error as Error);
      return;
    }
    if (taken.length === 0) callback(null, chunk);
    else void Promise.all(taken).then(() => callback(null, chunk));
  }

  override _flush(callback: TransformCallback): void {
    const final = this.reading.end();
    void Promise.all(this.context.objectStreams).then(() => {
      this.context.encrypted.readHeld(final.findings, this.context.budget);
      this.settle.resolve(final.findings.inspection());
      callback();
    });
  }
}

/** The stream was destroyed, or failed, before its end: there is no inspection of a part of a file. */
export class PdfNotReadToEndError extends Error {
  readonly code = 'UPLOAD.PDF_NOT_READ_TO_END';

  constructor() {
    super('the PDF was not read to its end');
    this.name = 'PdfNotReadToEndError';
  }
}

export function inspectPdf(): PdfInspector {
  return new PdfInspector();
}
