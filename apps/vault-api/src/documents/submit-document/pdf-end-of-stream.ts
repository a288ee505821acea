const KEYWORD = Buffer.from('endstream', 'latin1');

// Knuth–Morris–Pratt: how much of the keyword is still matched after a mismatch, so a match split across chunks
// or overlapping a false start ("endstrendstream") is never missed.
const FALLBACK = (() => {
  const table = new Array<number>(KEYWORD.length).fill(0);
  for (let index = 1, matched = 0; index < KEYWORD.length; index += 1) {
    while (matched > 0 && KEYWORD[index] !== KEYWORD[matched]) matched = table[matched - 1];
    if (KEYWORD[index] === KEYWORD[matched]) matched += 1;
    table[index] = matched;
  }
  return table;
})();

/** Finds the `endstream` keyword in stream data that arrives in chunks, for a stream whose length is not stated. */
export class EndOfStreamFinder {
  private matched = 0;

  /** The index just past `endstream` in `bytes[start, end)`, or -1 when it does not end there. */
  find(bytes: Uint8Array, start: number, end: number): number {
    for (let index = start; index < end; index += 1) {
      while (this.matched > 0 && bytes[index] !== KEYWORD[this.matched]) this.matched = FALLBACK[this.matched - 1];
      if (bytes[index] === KEYWORD[this.matched]) this.matched += 1;
      if (this.matched === KEYWORD.length) {
        this.matched = 0;
        return index + 1;
      }
    }
    return -1;
  }
}
