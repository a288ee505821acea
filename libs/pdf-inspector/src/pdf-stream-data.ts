import { ACTIVE_NAMES, type PdfFindings } from './pdf-findings';

const SOLIDUS = 0x2f;
const NUMBER_SIGN = 0x23;
/** The longest spelling of an active name worth decoding, `#xx` escapes included. */
const MAX_NAME_BYTES = 48;
/**
 * In stream data, which may be compressed or an image, only names spelt with at least this many bytes count: a
 * three-byte `/JS` or `/AA` turns up by chance about once in every 250 MB of random bytes, a five-byte one
 * practically never. What a short name would do still needs `/JavaScript`, `/Launch` or `/SubmitForm` to happen.
 */
const MIN_RAW_NAME = 5;
/** Names only an object stream's dictionary carries. */
const OBJECT_STREAM_NAMES = new Set(['ObjStm', 'First']);

// The bytes a name worth decoding can start with: most slashes in binary data are passed over on their next byte.
const FIRST_BYTE = new Uint8Array(256);
for (const name of [...ACTIVE_NAMES.keys(), ...OBJECT_STREAM_NAMES, '#']) FIRST_BYTE[name.charCodeAt(0)] = 1;

// Regular characters (PDF 2.0, 7.2.3): a name runs until the first byte that is not one.
const REGULAR = new Uint8Array(256).fill(1);
for (const byte of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) REGULAR[byte] = 0;
for (const char of '()<>[]{}/%') REGULAR[char.charCodeAt(0)] = 0;

/**
 * Looks through stream data for long active names, without tokenising it: a reader sent into the data by the
 * cross-reference table would read them as syntax. It jumps from one `/` to the next with `indexOf`, so it runs at
 * the speed of memory on images and fonts. A name split across chunks is carried over.
 */
export class StreamDataNames {
  private carried: Buffer | null = null;
  private hiddenObjectStream = false;

  /**
   * `outsideObjectStreams`: the data is not an object stream's, so an object stream's own names in it mean one is
   * hidden where only the cross-reference table leads, and it is flagged as unseen.
   */
  constructor(
    private readonly findings: PdfFindings,
    private readonly outsideObjectStreams: boolean,
  ) {}

  write(bytes: Buffer, start: number, end: number): void {
    if (this.carried) {
      const joined = Buffer.concat([this.carried, bytes.subarray(start, Math.min(end, start + MAX_NAME_BYTES))]);
      this.carried = null;
      // Only the name that began in the carried bytes is judged here; the rest is read below.
      if (this.nameAt(joined, 0, joined.length) === -1 && end - start < MAX_NAME_BYTES) this.carried = joined;
    }
    let slash = bytes.indexOf(SOLIDUS, start);
    while (slash !== -1 && slash < end) {
      if (slash + 1 === end || (FIRST_BYTE[bytes[slash + 1]] && this.nameAt(bytes, slash, end) === -1)) {
        this.carried = Buffer.from(bytes.subarray(slash, end));
        return;
      }
      slash = bytes.indexOf(SOLIDUS, slash + 1);
    }
  }

  /**
   * The stream has ended: a name cut off by its end is judged as it stands. `asData`: the bytes proved to be the
   * stream's data, not syntax a stated length ran over, so an object stream's names in them hide one.
   */
  end(asData: boolean): void {
    if (this.carried) this.judge(this.carried, 0, this.carried.length);
    this.carried = null;
    if (asData && this.hiddenObjectStream) this.findings.flag('UnreadableObjectStream');
  }

  /** Judges the name at `slash`; -1 when it runs to `end` and may continue in the next chunk. */
  private nameAt(bytes: Buffer, slash: number, end: number): number {
    let after = slash + 1;
    const limit = Math.min(end, slash + MAX_NAME_BYTES);
    while (after < limit && REGULAR[bytes[after]]) after += 1;
    if (after === end && end - slash < MAX_NAME_BYTES) return -1;
    this.judge(bytes, slash, after);
    return after;
  }

  private judge(bytes: Buffer, slash: number, after: number): void {
    if (after - slash < MIN_RAW_NAME) return;
    const raw = bytes.subarray(slash + 1, after);
    const name = raw.includes(NUMBER_SIGN) ? decodeEscapes(raw) : raw.toString('latin1');
    this.findings.name(name);
    if (this.outsideObjectStreams && OBJECT_STREAM_NAMES.has(name)) this.hiddenObjectStream = true;
  }
}

function decodeEscapes(raw: Buffer): string {
  return raw.toString('latin1').replace(/#([0-9a-fA-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Finds a keyword in data that arrives in chunks, a match split across chunks included. */
export class ChunkedSearch {
  private carried = Buffer.alloc(0);

  constructor(private readonly keyword: Buffer) {}

  /** Where the keyword ends (just past it) in `bytes[start, end)`, counting on from `start`; or -1. */
  find(bytes: Buffer, start: number, end: number): number {
    const overlap = this.keyword.length - 1;
    if (this.carried.length > 0) {
      const carried = this.carried.length;
      const joined = Buffer.concat([this.carried, bytes.subarray(start, Math.min(end, start + overlap))]);
      const at = joined.indexOf(this.keyword);
      if (at !== -1) {
        this.carried = Buffer.alloc(0);
        return start + at + this.keyword.length - carried;
      }
    }
    const at = bytes.subarray(start, end).indexOf(this.keyword);
    if (at !== -1) {
      this.carried = Buffer.alloc(0);
      return start + at + this.keyword.length;
    }
    const tail = Buffer.concat([this.carried, bytes.subarray(Math.max(start, end - overlap), end)]);
    this.carried = Buffer.from(tail.subarray(Math.max(0, tail.length - overlap)));
    return -1;
  }

  reset(): void {
    this.carried = Buffer.alloc(0);
  }
}
