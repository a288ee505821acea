import type { EncryptedObjectStreams } from './pdf-encrypted-object-streams';
import type { PdfFindings } from './pdf-findings';
import { inflatedObjectStream, type ObjectStreamReader, plainObjectStream } from './pdf-object-stream';
import { PdfObjectWatcher } from './pdf-object-watcher';
import { type StreamDescription, StreamDictionary } from './pdf-stream-dictionary';
import { ChunkedSearch, StreamDataNames } from './pdf-stream-data';
import { type PdfToken, PdfTokenizer } from './pdf-tokenizer';

const CR = 0x0d;
const LF = 0x0a;
const ENDSTREAM = Buffer.from('endstream', 'latin1');
const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
/** A reader looks this far past a stream's stated end for its `endstream`. */
const MAX_GAP_BEFORE_ENDSTREAM = 64;
/** How many readings of one file may run side by side, each doubting the stated length of a stream before it. */
const MAX_DEPTH = 4;

/** What every reading of one file shares. */
export interface ReadingContext {
  /** Bytes object streams may still inflate to. */
  readonly budget: { remaining: number };
  readonly objectStreams: Promise<void>[];
  readonly encrypted: EncryptedObjectStreams;
}

interface OpenStream {
  /** Bytes of data still to come when the dictionary stated the length; else the data runs to `endstream`. */
  remaining: number | null;
  /** Finds `endstream` in the data: the end of a stream of unknown length, or a sign that a stated one is wrong. */
  readonly endSearch: ChunkedSearch;
  readonly names: StreamDataNames;
  readonly objects: ObjectStreamReader | null;
  /** After the stated length: white space skipped, and how much of `endstream` has followed. */
  gap: number;
  matched: number;
}

/**
 * One reading of a PDF from some point to its end, as a reader's lexer goes through it: object syntax is tokenised,
 * stream data is skipped by its stated length, and object streams are decoded and tokenised. A stated length is
 * checked as readers check it, by the `endstream` that must follow. When `endstream` turns up inside the stated
 * data, a second reading starts just after it, as a repairing reader would read on if the length proves wrong; once
 * the stated end is reached, one of the two readings is kept.
 */
export class PdfReading {
  /** The reading that took over from this one, when a stated length proved wrong. */
  replacedBy: PdfReading | null = null;

  private readonly syntax: PdfTokenizer;
  private readonly watcher: PdfObjectWatcher;
  private dictionary = new StreamDictionary();
  private mode: 'syntax' | 'stream-start' | 'stated' | 'verify' | 'search' = 'syntax';
  private open: OpenStream | null = null;
  private alternative: PdfReading | null = null;
  /** A reading that went on from `endobj` inside a string, in case the string was left open; with the pages before it. */
  private resynced: { reading: PdfReading; pagesBefore: number } | null = null;
  private chunk: Buffer = Buffer.alloc(0);
  private taken: Promise<void>[] = [];

  constructor(
    readonly findings: PdfFindings,
    private readonly context: ReadingContext,
    private readonly depth = 0,
  ) {
    this.watcher = new PdfObjectWatcher(findings);
    this.syntax = new PdfTokenizer(
      (token) => this.structure(token),
      (position) => this.readOnFromString(position),
    );
  }

  /** Reads `chunk` from `start` on; promises of decoding still under way are added to `taken`. */
  write(chunk: Buffer, start: number, taken: Promise<void>[]): void {
    if (this.alternative) {
      this.alternative.write(chunk, start, taken);
      this.alternative = this.alternative.current();
    }
    if (this.resynced) {
      this.resynced.reading.write(chunk, start, taken);
      this.resynced.reading = this.resynced.reading.current();
    }
    this.chunk = chunk;
    this.taken = taken;
    let index = start;
    while (index < chunk.length && !this.replacedBy) {
      switch (this.mode) {
        case 'syntax':
          index = this.syntax.write(chunk, index, chunk.length);
          break;
        case 'stream-start':
          // `stream` ends with CRLF or LF; the CR has ended the keyword already.
          if (this.syntax.lastTerminator === CR && chunk[index] === LF) index += 1;
          this.mode = this.open?.remaining === null ? 'search' : this.open?.remaining === 0 ? 'verify' : 'stated';
          break;
        case 'stated':
          index = this.stated(chunk, index, taken);
          break;
        case 'verify':
          index = this.verify(chunk, index);
          break;
        case 'search':
          index = this.search(chunk, index, taken);
          break;
      }
    }
  }

  /** The reading that counts now: this one, or the one that replaced it. */
  current(): PdfReading {
    let reading: PdfReading = this;
    while (reading.replacedBy) reading = reading.replacedBy;
    return reading;
  }

  /** The file has ended; answers the reading that counts. A stated length that runs past the end was wrong. */
  end(): PdfReading {
    this.syntax.end();
    if ((this.mode === 'stated' || this.mode === 'verify') && this.alternative) {
      this.lengthWrong();
      return this.current().end();
    }
    this.alternative?.abandon();
    if (this.open) this.closeStream();
    if (this.resynced) {
      const { reading, pagesBefore } = this.resynced;
      this.findings.atLeastPages(pagesBefore + reading.end().findings.pages);
    }
    return this;
  }

  private readOnFromString(position: number): void {
    if (this.resynced || this.depth + 1 >= MAX_DEPTH) return;
    const reading = new PdfReading(this.findings.forPages(), this.context, this.depth + 1);
    this.resynced = { reading, pagesBefore: this.findings.pages };
    reading.write(this.chunk, position, this.taken);
    this.resynced.reading = reading.current();
  }

  private structure(token: PdfToken): void {
    this.watcher.token(token);
    this.dictionary.token(token);
    if (token.kind !== 'keyword') return;
    if (token.word === 'stream') {
      this.syntax.stop();
      this.openStream(this.dictionary.describe());
    } else if (token.word === 'obj' || token.word === 'endobj' || token.word === 'endstream') {
      this.dictionary = new StreamDictionary();
    }
  }

  private openStream(stream: StreamDescription): void {
    this.mode = 'stream-start';
    const objects = this.objectStreamReader(stream);
    this.open = { remaining: stream.length, endSearch: new ChunkedSearch(ENDSTREAM), names: new StreamDataNames(this.findings, !objects), objects, gap: 0, matched: 0 };
  }

  private objectStreamReader(stream: StreamDescription): ObjectStreamReader | null {
    if (!stream.objectStream) return null;
    let reader: ObjectStreamReader;
    if (stream.filters.length === 0) {
      reader = plainObjectStream(this.findings, stream.objectCount);
    } else if (stream.filters.length === 1 && stream.filters[0] === 'FlateDecode' && !stream.hasDecodeParms) {
      const object = this.watcher.currentObject;
      const origin = { objectCount: stream.objectCount, objectNumber: object?.number ?? null, generation: object?.generation ?? 0 };
      reader = inflatedObjectStream(this.findings, origin, this.context.budget, this.context.encrypted);
    } else {
      this.findings.flag('UnreadableObjectStream');
      return null;
    }
    this.context.objectStreams.push(reader.done);
    return reader;
  }

  private stated(chunk: Buffer, start: number, taken: Promise<void>[]): number {
    const open = this.open as OpenStream;
    const end = start + Math.min(open.remaining as number, chunk.length - start);
    this.data(chunk, start, end, taken);
    if (!this.alternative) {
      const found = open.endSearch.find(chunk, start, end);
      if (found !== -1) this.readAlternatively(chunk, found, taken);
    }
    open.remaining = (open.remaining as number) - (end - start);
    if (open.remaining === 0) this.mode = 'verify';
    return end;
  }

  // A stream's data may hold `endstream` by chance, or because its stated length is wrong: which one is known only
  // at the stated end, so meanwhile the file is also read on from just after it.
  private readAlternatively(chunk: Buffer, from: number, taken: Promise<void>[]): void {
    if (this.depth + 1 >= MAX_DEPTH) {
      this.findings.flag('UnreadableObjectStream');
      return;
    }
    this.alternative = new PdfReading(this.findings.forPages(), this.context, this.depth + 1);
    this.alternative.write(chunk, from, taken);
    this.alternative = this.alternative.current();
  }

  private verify(chunk: Buffer, start: number): number {
    const open = this.open as OpenStream;
    let index = start;
    while (index < chunk.length) {
      const byte = chunk[index];
      if (open.matched === 0 && WHITESPACE.has(byte) && open.gap < MAX_GAP_BEFORE_ENDSTREAM) {
        open.gap += 1;
        index += 1;
      } else if (byte === ENDSTREAM[open.matched]) {
        open.matched += 1;
        index += 1;
        if (open.matched === ENDSTREAM.length) {
          this.lengthRight();
          return index;
        }
      } else {
        this.lengthWrong();
        return index;
      }
    }
    return index;
  }

  private lengthRight(): void {
    this.alternative?.abandon();
    this.alternative = null;
    this.closeStream();
    this.dictionary = new StreamDictionary();
  }

  // As a repairing reader does: the stream ends at the first `endstream` after its start.
  private lengthWrong(): void {
    const open = this.open as OpenStream;
    if (this.alternative) {
      this.alternative.findings.adoptPages(this.findings);
      this.replacedBy = this.alternative;
      this.alternative = null;
      this.closeStream(false);
      return;
    }
    if (open.gap > 0) open.endSearch.reset();
    open.endSearch.find(ENDSTREAM, 0, open.matched);
    this.mode = 'search';
  }

  private search(chunk: Buffer, start: number, taken: Promise<void>[]): number {
    const open = this.open as OpenStream;
    const found = open.endSearch.find(chunk, start, chunk.length);
    const end = found === -1 ? chunk.length : found;
    this.data(chunk, start, end, taken);
    if (found !== -1) {
      // The search has consumed `endstream`, which also ends the object's dictionary.
      this.closeStream();
      this.dictionary = new StreamDictionary();
    }
    return end;
  }

  private data(chunk: Buffer, start: number, end: number, taken: Promise<void>[]): void {
    if (end <= start) return;
    const open = this.open as OpenStream;
    open.names.write(chunk, start, end);
    if (open.objects) taken.push(open.objects.write(chunk.subarray(start, end)));
  }

  private closeStream(asData = true): void {
    this.open?.names.end(asData);
    this.open?.objects?.end();
    this.open = null;
    this.mode = 'syntax';
  }

  /** Drops this reading: the stream it doubted had its length right. */
  private abandon(): void {
    this.alternative?.abandon();
    this.alternative = null;
    this.resynced?.reading.abandon();
    this.resynced = null;
    if (this.open) this.closeStream(false);
  }
}
