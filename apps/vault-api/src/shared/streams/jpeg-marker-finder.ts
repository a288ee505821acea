/**
 * Finds the marker that ends a JPEG's entropy-coded data, however the stream cuts its chunks: 0xFF followed by
 * neither a stuffed 0x00, a fill 0xFF, nor a restart marker (RST0–RST7), which all belong to the data.
 */
export class JpegMarkerFinder {
  private afterFF = false;

  /** Looks through `chunk` from `from`: answers the marker's code and where it ends, or null and the chunk's end. */
  find(chunk: Buffer, from: number): { readonly code: number | null; readonly at: number } {
    let at = from;
    while (at < chunk.length) {
      if (!this.afterFF) {
        const ff = chunk.indexOf(0xff, at);
        if (ff < 0) return { code: null, at: chunk.length };
        this.afterFF = true;
        at = ff + 1;
        continue;
      }
      const code = chunk[at++];
      if (code === 0xff) continue;
      this.afterFF = false;
      if (code !== 0x00 && !(code >= 0xd0 && code <= 0xd7)) return { code, at };
    }
    return { code: null, at };
  }
}
