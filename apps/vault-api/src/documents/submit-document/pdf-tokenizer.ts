/** A token of PDF syntax: enough to find names and the keywords around streams, not a parser. */
export type PdfToken =
  | { readonly kind: 'name'; readonly name: string; readonly rawLength: number }
  | { readonly kind: 'keyword'; readonly word: string }
  | { readonly kind: 'delimiter'; readonly char: string };

const REGULAR = 0;
const WHITESPACE = 1;
const DELIMITER = 2;

// PDF 2.0, 7.2.3: the six white-space and ten delimiter characters; every other byte is regular.
const CLASS = new Uint8Array(256);
for (const byte of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[byte] = WHITESPACE;
for (const char of '()<>[]{}/%') CLASS[char.charCodeAt(0)] = DELIMITER;

const SOLIDUS = 0x2f;
const NUMBER_SIGN = 0x23;
/** Names are at most 127 bytes (PDF's own limit); beyond this a name or keyword is still skipped, just not kept. */
const MAX_TOKEN_BYTES = 512;

/**
 * Splits PDF bytes into names (with `#xx` escapes decoded), keywords and delimiters, fed in chunks of any size:
 * a token split across chunks is joined, since all state is kept between calls. Strings and comments are not
 * treated apart, on purpose: a name inside one is reported too, so that no reader's idea of where a string ends
 * can hide a name from this one.
 */
export class PdfTokenizer {
  private state: 'between' | 'name' | 'keyword' = 'between';
  private readonly token = new Uint8Array(MAX_TOKEN_BYTES);
  private length = 0;
  private stopRequested = false;
  private terminator = -1;

  constructor(private readonly onToken: (token: PdfToken) => void) {}

  /**
   * Reads `bytes[start, end)` and returns where it stopped: at `end`, or earlier when a token handler called
   * `stop()`, just past the white-space byte that ended the token (`lastTerminator`), so the caller can read what
   * follows differently.
   */
  write(bytes: Uint8Array, start = 0, end = bytes.length): number {
    this.stopRequested = false;
    let index = start;
    while (index < end) {
      const byte = bytes[index];
      const kind = CLASS[byte];
      if (this.state !== 'between') {
        if (kind === REGULAR) {
          let run = index;
          while (run < end && CLASS[bytes[run]] === REGULAR) run += 1;
          this.keep(bytes, index, run);
          index = run;
          continue;
        }
        this.finishToken();
        if (this.stopRequested) {
          this.terminator = kind === WHITESPACE ? byte : -1;
          return kind === WHITESPACE ? index + 1 : index;
        }
      }
      index += 1;
      if (kind === WHITESPACE) continue;
      if (kind === REGULAR) {
        this.state = 'keyword';
        this.token[0] = byte;
        this.length = 1;
      } else if (byte === SOLIDUS) {
        this.state = 'name';
        this.length = 0;
      } else {
        this.onToken({ kind: 'delimiter', char: String.fromCharCode(byte) });
      }
    }
    return end;
  }

  /** Called from a token handler: `write` returns right after the token. */
  stop(): void {
    this.stopRequested = true;
  }

  /** The white-space byte that ended the token `write` stopped after, or -1. */
  get lastTerminator(): number {
    return this.terminator;
  }

  /** Ends the token in progress, as the end of the input does. */
  end(): void {
    if (this.state !== 'between') this.finishToken();
  }

  /** Drops the token in progress, when the bytes that follow are not a continuation of it. */
  reset(): void {
    this.state = 'between';
    this.length = 0;
  }

  private keep(bytes: Uint8Array, from: number, to: number): void {
    const room = MAX_TOKEN_BYTES - this.length;
    if (room > 0) this.token.set(bytes.subarray(from, Math.min(to, from + room)), this.length);
    this.length += to - from;
  }

  private finishToken(): void {
    const kept = this.token.subarray(0, Math.min(this.length, MAX_TOKEN_BYTES));
    const overlong = this.length > MAX_TOKEN_BYTES;
    const state = this.state;
    const length = this.length;
    this.state = 'between';
    this.length = 0;
    if (state === 'name') {
      this.onToken({ kind: 'name', name: overlong ? '' : decodeName(kept), rawLength: length + 1 });
    } else {
      this.onToken({ kind: 'keyword', word: overlong ? '' : Buffer.from(kept).toString('latin1') });
    }
  }
}

/** `J#61vaScript` is `JavaScript`: readers decode `#` and two hex digits to that byte, so attackers spell names so. */
function decodeName(raw: Uint8Array): string {
  let name = '';
  for (let index = 0; index < raw.length; index += 1) {
    const byte = raw[index];
    const hex = byte === NUMBER_SIGN && index + 2 < raw.length ? hexPair(raw[index + 1], raw[index + 2]) : -1;
    if (hex >= 0) {
      name += String.fromCharCode(hex);
      index += 2;
    } else {
      name += String.fromCharCode(byte);
    }
  }
  return name;
}

function hexPair(high: number, low: number): number {
  const a = hexDigit(high);
  const b = hexDigit(low);
  return a < 0 || b < 0 ? -1 : a * 16 + b;
}

function hexDigit(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x41 + 10;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x61 + 10;
  return -1;
}
