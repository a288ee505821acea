import type { PdfToken } from './pdf-tokenizer';

/** What the inspector needs to know about a stream from the dictionary before its `stream` keyword. */
export interface StreamDescription {
  readonly objectStream: boolean;
  /** An object stream's `/N`, the number of objects it holds, when stated directly. */
  readonly objectCount: number | null;
  /** The filters in decoding order; empty when the data is stored as is. */
  readonly filters: readonly string[];
  readonly hasDecodeParms: boolean;
  /** The data's length when the dictionary states it directly, else null (an indirect `/Length 7 0 R`). */
  readonly length: number | null;
}

const INTEGER = /^\d{1,15}$/;

/**
 * Follows the tokens of one object, from `obj` to `stream`, well enough to describe its stream. Nested dictionaries
 * are not told apart. A reader takes any stream the cross-reference table points to as an object stream, whatever
 * its `/Type`, so a `/Type /ObjStm`, a `/First`, or a `/Type` kept elsewhere anywhere in the object makes it one,
 * which errs towards looking inside.
 */
export class StreamDictionary {
  private objectStream = false;
  private objectCount: number | null = null;
  private filters: string[] = [];
  private filterState: 'none' | 'expected' | 'array' = 'none';
  private hasDecodeParms = false;
  private length: number | null = null;
  // 'number': `/Length N` seen, direct unless `N G R` follows; 'generation': `N G` seen, an `R` makes it indirect.
  private lengthState: 'none' | 'expected' | 'number' | 'generation' = 'none';
  private candidate = 0;
  private previousName: string | null = null;

  token(token: PdfToken): void {
    if (token.kind === 'name') this.name(token.name);
    else if (token.kind === 'keyword') this.keyword(token.word);
    else this.delimiter(token.kind === 'delimiter' ? token.char : '');
  }

  /** Called once the `stream` keyword has been passed to `token`, which settles a length stated just before it. */
  describe(): StreamDescription {
    return { objectStream: this.objectStream, objectCount: this.objectCount, filters: [...this.filters], hasDecodeParms: this.hasDecodeParms, length: this.length };
  }

  private name(spelt: string): void {
    // Readers take the abbreviations of inline images in stream dictionaries too.
    const name = spelt === 'Fl' ? 'FlateDecode' : spelt;
    this.settleLength();
    if (this.filterState === 'expected') {
      this.filters = [name];
      this.filterState = 'none';
    } else if (this.filterState === 'array') {
      this.filters.push(name);
    }
    if (name === 'Filter') {
      this.filters = [];
      this.filterState = 'expected';
    }
    if (name === 'DecodeParms') this.hasDecodeParms = true;
    if (name === 'Length') {
      this.length = null;
      this.lengthState = 'expected';
    }
    if ((this.previousName === 'Type' && name === 'ObjStm') || name === 'First') this.objectStream = true;
    this.previousName = name;
  }

  private keyword(word: string): void {
    const integer = INTEGER.test(word);
    if (this.previousName === 'Type') this.objectStream = true;
    if (this.previousName === 'N' && integer) this.objectCount = Number(word);
    this.previousName = null;
    if (this.filterState === 'expected') this.filterState = 'none';
    switch (this.lengthState) {
      case 'expected':
        this.candidate = Number(word);
        this.lengthState = integer ? 'number' : 'none';
        return;
      case 'number':
        if (integer) this.lengthState = 'generation';
        else this.settleLength();
        return;
      case 'generation':
        // `N G R`, a reference: the length is kept elsewhere in the file.
        this.lengthState = 'none';
        return;
      case 'none':
        return;
    }
  }

  private delimiter(char: string): void {
    this.previousName = null;
    this.settleLength();
    if (char === '[' && this.filterState === 'expected') this.filterState = 'array';
    else if (char === ']' && this.filterState === 'array') this.filterState = 'none';
    else if (this.filterState === 'expected') this.filterState = 'none';
  }

  private settleLength(): void {
    if (this.lengthState === 'number') this.length = this.candidate;
    this.lengthState = 'none';
  }
}
