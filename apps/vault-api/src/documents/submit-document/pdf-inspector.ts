import { Transform, type TransformCallback } from 'node:stream';
import { EndOfStreamFinder } from './pdf-end-of-stream';
import { PdfFindings, type PdfInspection, PdfNameWatcher } from './pdf-findings';
import { inflatedObjectStream, type ObjectStreamReader, plainObjectStream } from './pdf-object-stream';
import { type StreamDescription, StreamDictionary } from './pdf-stream-dictionary';
import { type PdfToken, PdfTokenizer } from './pdf-tokenizer';

const CR = 0x0d;
const LF = 0x0a;
/** Object streams hold a few kilobytes to a few megabytes of objects; far more is a decompression bomb. */
const DECODED_BUDGET_BYTES = 32 * 1024 * 1024;

interface OpenStream {
  /** Bytes of data still to come when the dictionary stated the length; else the data runs to `endstream`. */
  remaining: number | null;
  readonly endFinder: EndOfStreamFinder;
  readonly objects: ObjectStreamReader | null;
}

/**
 * A pass-through that reads a PDF as it streams by, keeping nothing but a few bytes of state, and answers in
 * `result` once the stream has ended: how many pages it has and what active content it carries.
 *
 * It is a scanner, not a parser: it finds names (`#xx` escapes decoded) wherever they are, counts `/Type /Page`, and
 * looks inside object streams, inflating FlateDecode ones, because that is where modern files keep their pages and
 * actions. Other stream data (images, fonts, page contents) is only scanned for names long enough not to turn up in
 * binary by chance. It errs towards flagging: a damaged or unusual file may be flagged although a reader would run
 * nothing in it.
 */
export class PdfInspector extends Transform {
  readonly result: Promise<PdfInspection>;

  private readonly findings = new PdfFindings();
  private readonly syntax: PdfTokenizer;
  private readonly streamData: PdfTokenizer;
  private dictionary = new StreamDictionary();
  private mode: 'syntax' | 'stream-start' | 'stream-data' = 'syntax';
  private open: OpenStream | null = null;
  private readonly budget = { remaining: DECODED_BUDGET_BYTES };
  private readonly objectStreams: Promise<void>[] = [];
  private settle!: { resolve: (inspection: PdfInspection) => void; reject: (error: Error) => void };

  constructor() {
    super();
    this.result = new Promise<PdfInspection>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    // A caller that only pipes through must not get an unhandled rejection when the upload fails.
    this.result.catch(() => undefined);
    const syntaxWatcher = new PdfNameWatcher(this.findings, false);
    this.syntax = new PdfTokenizer((token) => {
      syntaxWatcher.token(token);
      this.structure(token);
    });
    const dataWatcher = new PdfNameWatcher(this.findings, true);
    this.streamData = new PdfTokenizer((token) => dataWatcher.token(token));
    this.once('close', () => this.settle.reject(new PdfNotReadToEndError()));
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const taken: Promise<void>[] = [];
    try {
      this.scan(chunk, taken);
    } catch (error) {
      callback(error as Error);
      return;
    }
    if (taken.length === 0) callback(null, chunk);
    else void Promise.all(taken).then(() => callback(null, chunk));
  }

  override _flush(callback: TransformCallback): void {
    this.syntax.end();
    if (this.open) this.closeStream();
    void Promise.all(this.objectStreams).then(() => {
      this.settle.resolve(this.findings.inspection());
      callback();
    });
  }

  private scan(chunk: Buffer, taken: Promise<void>[]): void {
    let index = 0;
    while (index < chunk.length) {
      if (this.mode === 'syntax') {
        index = this.syntax.write(chunk, index, chunk.length);
      } else if (this.mode === 'stream-start') {
        // `stream` ends with CRLF or LF; the CR has ended the keyword already.
        if (this.syntax.lastTerminator === CR && chunk[index] === LF) index += 1;
        this.mode = 'stream-data';
      } else {
        index = this.streamBytes(chunk, index, taken);
      }
    }
  }

  /** Takes the stream data in `chunk` from `start` on; returns where the data ends in it. */
  private streamBytes(chunk: Buffer, start: number, taken: Promise<void>[]): number {
    const open = this.open as OpenStream;
    let end: number;
    let finished: boolean;
    if (open.remaining !== null) {
      end = start + Math.min(open.remaining, chunk.length - start);
      open.remaining -= end - start;
      finished = open.remaining === 0;
    } else {
      const found = open.endFinder.find(chunk, start, chunk.length);
      finished = found >= 0;
      end = finished ? found : chunk.length;
    }
    this.streamData.write(chunk, start, end);
    if (open.objects && end > start) taken.push(open.objects.write(chunk.subarray(start, end)));
    if (finished) {
      // A stream found by its `endstream` has consumed that keyword, which also ends its object's dictionary.
      if (open.remaining === null) this.dictionary = new StreamDictionary();
      this.closeStream();
    }
    return end;
  }

  private structure(token: PdfToken): void {
    this.dictionary.token(token);
    if (token.kind !== 'keyword') return;
    if (token.word === 'stream') {
      this.syntax.stop();
      this.openStream(this.dictionary.describe());
    }
    else if (token.word === 'obj' || token.word === 'endobj' || token.word === 'endstream') this.dictionary = new StreamDictionary();
  }

  private openStream(stream: StreamDescription): void {
    this.mode = 'stream-start';
    this.open = { remaining: stream.length, endFinder: new EndOfStreamFinder(), objects: this.objectStreamReader(stream) };
    if (this.open.remaining === 0) this.closeStream();
  }

  private objectStreamReader(stream: StreamDescription): ObjectStreamReader | null {
    if (!stream.objectStream) return null;
    let reader: ObjectStreamReader;
    if (stream.filters.length === 0) {
      reader = plainObjectStream(this.findings);
    } else if (stream.filters.length === 1 && stream.filters[0] === 'FlateDecode' && !stream.hasDecodeParms) {
      reader = inflatedObjectStream(this.findings, this.budget);
    } else {
      this.findings.flag('UnreadableObjectStream');
      return null;
    }
    this.objectStreams.push(reader.done);
    return reader;
  }

  private closeStream(): void {
    this.streamData.end();
    this.open?.objects?.end();
    this.open = null;
    this.mode = 'syntax';
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
