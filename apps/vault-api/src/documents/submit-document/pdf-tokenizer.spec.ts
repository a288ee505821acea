import { type PdfToken, PdfTokenizer } from './pdf-tokenizer';

function tokensOf(...chunks: string[]): PdfToken[] {
  const tokens: PdfToken[] = [];
  const tokenizer = new PdfTokenizer((token) => tokens.push(token));
  for (const chunk of chunks) tokenizer.write(Buffer.from(chunk, 'latin1'));
  tokenizer.end();
  return tokens;
}

const name = (value: string, rawLength = value.length + 1): PdfToken => ({ kind: 'name', name: value, rawLength });
const keyword = (word: string): PdfToken => ({ kind: 'keyword', word });
const delimiter = (char: string): PdfToken => ({ kind: 'delimiter', char });

describe('splitting PDF bytes into tokens', () => {
  it('reads names, keywords and delimiters', () => {
    expect(tokensOf('1 0 obj <</Type/Page>> endobj')).toEqual([
      keyword('1'),
      keyword('0'),
      keyword('obj'),
      delimiter('<'),
      delimiter('<'),
      name('Type'),
      name('Page'),
      delimiter('>'),
      delimiter('>'),
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

  it('reports names inside strings and comments too, rather than guess where they end', () => {
    expect(tokensOf('(/JS) % /AA\n')).toEqual([delimiter('('), name('JS'), delimiter(')'), delimiter('%'), name('AA')]);
  });

  it('does not keep an overlong token, but still skips all of it', () => {
    expect(tokensOf(`/${'A'.repeat(2000)} /JS`)).toEqual([name('', 2001), name('JS')]);
  });

  it('drops a token in progress on reset', () => {
    const tokens: PdfToken[] = [];
    const tokenizer = new PdfTokenizer((token) => tokens.push(token));
    tokenizer.write(Buffer.from('/Java'));
    tokenizer.reset();
    tokenizer.write(Buffer.from('Script '));

    expect(tokens).toEqual([keyword('Script')]);
  });
});
