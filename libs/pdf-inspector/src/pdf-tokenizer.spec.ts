import { type PdfToken, PdfTokenizer } from './pdf-tokenizer';

function tokensOf(...chunks: string[]): PdfToken[] {
  const tokens: PdfToken[] = [];
  // A string's bytes are the tokenizer's own until the next string, so they are copied as a handler would.
  const tokenizer = new PdfTokenizer((token) => tokens.push(token.kind === 'string' && token.bytes ? { ...token, bytes: Buffer.from(token.bytes) } : token));
  for (const chunk of chunks) tokenizer.write(Buffer.from(chunk, 'latin1'));
  tokenizer.end();
  return tokens;
}

const name = (value: string, rawLength = value.length + 1): PdfToken => ({ kind: 'name', name: value, rawLength });
const keyword = (word: string): PdfToken => ({ kind: 'keyword', word });
const delimiter = (char: '<<' | '>>' | '[' | ']'): PdfToken => ({ kind: 'delimiter', char });
const string = (text: string): PdfToken => ({ kind: 'string', bytes: Buffer.from(text, 'latin1') });

describe('splitting PDF bytes into tokens', () => {
  it('reads names, keywords and delimiters', () => {
    expect(tokensOf('1 0 obj <</Type/Page>> endobj')).toEqual([
      keyword('1'),
      keyword('0'),
      keyword('obj'),
      delimiter('<<'),
      name('Type'),
      name('Page'),
      delimiter('>>'),
      keyword('endobj'),
    ]);
  });

  it('decodes #xx escapes in names, as readers do', () => {
    expect(tokensOf('/J#61vaScript /#4A#53 /A#2fB')).toEqual([name('JavaScript', 13), name('JS', 7), name('A/B', 6)]);
  });

  it('keeps a # that is not followed by two hex digits', () => {
    expect(tokensOf('/A#G1 /B#4')).toEqual([name('A#G1'), name('B#4')]);
  });

  it('joins a token split across chunks, wherever the split falls', () => {
    const whole = tokensOf('/J#61vaScript stream');

    for (let split = 1; split < 20; split += 1) {
      const text = '/J#61vaScript stream';
      expect(tokensOf(text.slice(0, split), text.slice(split))).toEqual(whole);
    }
  });

  it('reads an empty name', () => expect(tokensOf('/ /A')).toEqual([name('', 1), name('A')]));

  it('skips comments, so that nothing in one can pass for a keyword', () => {
    expect(tokensOf('/A % stream /JS\r/B %\n[')).toEqual([name('A'), name('B'), delimiter('[')]);
  });

  it('reads a literal string to its balancing parenthesis, with escapes, as one token', () => {
    expect(tokensOf('(a (nested) \\) stream \\101\\12x \\\n/JS) endobj')).toEqual([string('a (nested) ) stream A\nx /JS'), keyword('endobj')]);
  });

  it('reads a hex string, and tells it from a dictionary', () => {
    expect(tokensOf('<73 74 72 65 61 6d> <</A <4>>>')).toEqual([string('stream'), delimiter('<<'), name('A'), string('@'), delimiter('>>')]);
  });

  it('joins a string or a comment split across chunks, wherever the split falls', () => {
    const text = '(x\\) stream) % stream\n<</K <6a>>> stream';
    const whole = tokensOf(text);

    for (let split = 1; split < text.length; split += 1) {
      expect(tokensOf(text.slice(0, split), text.slice(split))).toEqual(whole);
    }
  });

  it('does not keep an overlong string, but still skips all of it', () => {
    expect(tokensOf(`(${'s'.repeat(5000)}) /A`)).toEqual([{ kind: 'string', bytes: null }, name('A')]);
  });

  it('does not keep an overlong token, but still skips all of it', () => {
    expect(tokensOf(`/${'A'.repeat(2000)} /JS`)).toEqual([name('', 2001), name('JS')]);
  });
});
