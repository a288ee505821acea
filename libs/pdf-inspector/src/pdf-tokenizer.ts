/** A token of PDF object syntax: enough to follow dictionaries, arrays and the keywords around streams. */
export type PdfToken =
  | { readonly kind: 'name'; readonly name: string; readonly rawLength: number }
  | { readonly kind: 'keyword'; readonly word: string }
  /**
   * A literal or hex string, decoded; `bytes` is null when it was too long to keep. The bytes are the tokenizer's own
   * and change with the next string: a handler copies what it keeps.
   */
  | { readonly kind: 'string'; readonly bytes: Buffer | null }
  | { readonly kind: 'delimiter'; readonly char: '<<' | '>>' | '[' | ']' | '{' | '}' };

const REGULAR = 0;
const WHITESPACE = 1;
const DELIMITER = 2;

// PDF 2.0, 7.2.3: the six white-space and ten delimiter characters; every other byte is regular.
const CLASS = new Uint8Array(256);
for (const byte of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[byte] = WHITESPACE;
for (const char of '()<>[]{}/%') CLASS[char.charCodeAt(0)] = DELIMITER;

const CR = 0x0d;
const LF = 0x0a;
const SOLIDUS = 0x2f;
const NUMBER_SIGN = 0x23;
const PERCENT = 0x25;
const LEFT_PAREN = 0x28;
const RIGHT_PAREN = 0x29;
const LESS = 0x3c;
const GREATER = 0x3e;
const BACKSLASH = 0x5c;
/** Names are at most 127 bytes (PDF's own limit); beyond this a name or keyword is still skipped, just not kept. */
const MAX_TOKEN_BYTES = 512;
/** Strings that matter here (encryption keys, identifiers) are at most a few dozen bytes; longer ones are skipped. */
const MAX_STRING_BYTES = 256;

// The lexer's states, as small integers, which the byte loop switches on fastest.
const BETWEEN = 0;
const NAME = 1;
const KEYWORD = 2;
const COMMENT = 3;
const STRING = 4;
const HEX = 5;
const AFTER_LESS = 6;
const AFTER_GREATER = 7;

/**
 * Splits PDF object syntax into tokens as a reader's lexer does, fed in chunks of any size: a token split across
 * chunks is joined, since all state is kept between calls. Comments are skipped and strings are read to their
 * balancing parenthesis, with escapes, so that nothing written inside either can pass for a keyword or a name.
 */
export class PdfTokenizer {
  private state = BETWEEN;
  private readonly token = Buffer.alloc(MAX_TOKEN_BYTES);
  private length = 0;
  private readonly stringBytes = Buffer.alloc(MAX_STRING_BYTES);
  private stringLength = 0;
  private stringDepth = 0;
  /** In a literal string: 0 none, 1 after a backslash, 2–4 inside an octal escape of that many digits so far. */
  private escape = 0;
  private octal = 0;
  private hexHigh = -1;
  private stopRequested = false;
  private terminator = -1;

  private endobjMatched = 0;

  /**
   * `onEndOfObjectInString`: called with the position just past `endobj` written inside a literal string. A string
   * left open by a damaged file runs on over the objects after it, which a reader still reaches through the
   * cross-reference table; the caller can read on from there too.
   */
  constructor(
    private readonly onToken: (token: PdfToken) => void,
    private readonly onEndOfObjectInString?: (position: number) => void,
  ) {}

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
      switch (this.state) {
        case NAME:
        case KEYWORD: {
          if (CLASS[byte] === REGULAR) {
            let run = index;
            while (run < end && CLASS[bytes[run]] === REGULAR) run += 1;
            this.keep(bytes, index, run);
            index = run;
            continue;
          }
          this.finishToken();
          if (this.stopRequested) {
            const whitespace = CLASS[byte] === WHITESPACE;
            this.terminator = whitespace ? byte : -1;
            return whitespace ? index + 1 : index;
          }
          continue;
        }
        case COMMENT: {
          if (byte === CR || byte === LF) this.state = BETWEEN;
          index += 1;
          continue;
        }
        case STRING:
          this.stringByte(byte);
          index += 1;
          if (this.onEndOfObjectInString) this.watchForEndOfObject(byte, index);
          continue;
        case HEX:
          this.hexByte(byte);
          index += 1;
          continue;
        case AFTER_LESS:
          if (byte === LESS) {
            this.state = BETWEEN;
            this.onToken({ kind: 'delimiter', char: '<<' });
            index += 1;
          } else {
            this.state = HEX;
            this.stringLength = 0;
            this.hexHigh = -1;
          }
          continue;
        case AFTER_GREATER:
          // A lone `>` is an error readers skip; `>>` closes a dictionary.
          this.state = BETWEEN;
          if (byte === GREATER) {
            this.onToken({ kind: 'delimiter', char: '>>' });
            index += 1;
          }
          continue;
        case BETWEEN:
          index += 1;
          this.begin(byte);
          continue;
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
    if (this.state === NAME || this.state === KEYWORD) this.finishToken();
    this.state = BETWEEN;
  }

  private begin(byte: number): void {
    const kind = CLASS[byte];
    if (kind === WHITESPACE) return;
    if (kind === REGULAR) {
      this.state = KEYWORD;
      this.token[0] = byte;
      this.length = 1;
      return;
    }
    switch (byte) {
      case SOLIDUS:
        this.state = NAME;
        this.length = 0;
        return;
      case PERCENT:
        this.state = COMMENT;
        return;
      case LEFT_PAREN:
        this.state = STRING;
        this.stringLength = 0;
        this.stringDepth = 1;
        this.escape = 0;
        return;
      case LESS:
        this.state = AFTER_LESS;
        return;
      case GREATER:
        this.state = AFTER_GREATER;
        return;
      case RIGHT_PAREN:
        // An unbalanced `)` is an error readers skip.
        return;
      default:
        this.onToken({ kind: 'delimiter', char: String.fromCharCode(byte) as '[' | ']' | '{' | '}' });
    }
  }

  // PDF 2.0, 7.3.4.2: balanced parentheses need no escape; `\` escapes one character, three octal digits or a line end.
  private stringByte(byte: number): void {
    if (this.escape >= 2) {
      if (byte >= 0x30 && byte <= 0x37 && this.escape < 4) {
        this.octal = this.octal * 8 + (byte - 0x30);
        this.escape += 1;
        if (this.escape < 4) return;
        this.keepStringByte(this.octal & 0xff);
        this.escape = 0;
        return;
      }
      this.keepStringByte(this.octal & 0xff);
      this.escape = 0;
    } else if (this.escape === 1) {
      this.escape = 0;
      if (byte >= 0x30 && byte <= 0x37) {
        this.octal = byte - 0x30;
        this.escape = 2;
      } else if (byte !== CR && byte !== LF) {
        this.keepStringByte(ESCAPED[byte] ?? byte);
      }
      return;
    }
    if (byte === BACKSLASH) {
      this.escape = 1;
    } else if (byte === LEFT_PAREN) {
      this.stringDepth += 1;
      this.keepStringByte(byte);
    } else if (byte === RIGHT_PAREN) {
      this.stringDepth -= 1;
      if (this.stringDepth === 0) this.finishString();
      else this.keepStringByte(byte);
    } else {
      this.keepStringByte(byte);
    }
  }

  private watchForEndOfObject(byte: number, after: number): void {
    if (this.state !== STRING) {
      this.endobjMatched = 0;
      return;
    }
    this.endobjMatched = byte === ENDOBJ[this.endobjMatched] ? this.endobjMatched + 1 : byte === ENDOBJ[0] ? 1 : 0;
    if (this.endobjMatched === ENDOBJ.length) {
      this.endobjMatched = 0;
      this.onEndOfObjectInString?.(after);
    }
  }

  private hexByte(byte: number): void {
    if (byte === GREATER) {
      if (this.hexHigh >= 0) this.keepStringByte(this.hexHigh * 16);
      this.finishString();
      return;
    }
    const digit = hexDigit(byte);
    if (digit < 0) return;
    if (this.hexHigh < 0) {
      this.hexHigh = digit;
    } else {
      this.keepStringByte(this.hexHigh * 16 + digit);
      this.hexHigh = -1;
    }
  }

  private keepStringByte(byte: number): void {
    if (this.stringLength < MAX_STRING_BYTES) this.stringBytes[this.stringLength] = byte;
    this.stringLength += 1;
  }

  private finishString(): void {
    this.state = BETWEEN;
    const kept = this.stringLength <= MAX_STRING_BYTES ? this.stringBytes.subarray(0, this.stringLength) : null;
    this.stringLength = 0;
    this.onToken({ kind: 'string', bytes: kept });
  }

  private keep(bytes: Uint8Array, from: number, to: number): void {
    // Tokens are a few bytes long: a loop is cheaper than a view of the chunk to copy from.
    const last = Math.min(to, from + MAX_TOKEN_BYTES - this.length);
    for (let index = from, at = this.length; index < last; index += 1, at += 1) this.token[at] = bytes[index];
    this.length += to - from;
  }

  private finishToken(): void {
    const overlong = this.length > MAX_TOKEN_BYTES;
    const state = this.state;
    const length = this.length;
    this.state = BETWEEN;
    this.length = 0;
    if (state === NAME) {
      this.onToken({ kind: 'name', name: overlong ? '' : decodeName(this.token, length), rawLength: length + 1 });
    } else {
      this.onToken({ kind: 'keyword', word: overlong ? '' : latin1(this.token, length) });
    }
  }
}

const ENDOBJ = Buffer.from('endobj', 'latin1');
const ESCAPED: Readonly<Record<number, number>> = { 0x6e: LF, 0x72: CR, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c };

/** `J#61vaScript` is `JavaScript`: readers decode `#` and two hex digits to that byte, so attackers spell names so. */
// Decoding bytes to a string costs a call into native code; the same few names and keywords make up most of a
// file's syntax, so their strings are kept, by a hash of their bytes, and reused once the bytes are compared.
const INTERNED_SLOTS = 4096;
const interned: (string | undefined)[] = new Array(INTERNED_SLOTS);

function latin1(bytes: Buffer, length: number): string {
  if (length > 24) return bytes.toString('latin1', 0, length);
  let hash = length;
  for (let index = 0; index < length; index += 1) hash = (Math.imul(hash, 31) + bytes[index]) | 0;
  const slot = hash & (INTERNED_SLOTS - 1);
  const known = interned[slot];
  if (known !== undefined && known.length === length) {
    let same = true;
    for (let index = 0; index < length && same; index += 1) same = known.charCodeAt(index) === bytes[index];
    if (same) return known;
  }
  const text = bytes.toString('latin1', 0, length);
  interned[slot] = text;
  return text;
}

function decodeName(raw: Buffer, length: number): string {
  const firstEscape = raw.indexOf(NUMBER_SIGN);
  if (firstEscape === -1 || firstEscape >= length) return latin1(raw, length);
  let name = '';
  for (let index = 0; index < length; index += 1) {
    const byte = raw[index];
    const hex = byte === NUMBER_SIGN && index + 2 < length ? hexPair(raw[index + 1], raw[index + 2]) : -1;
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
