/** Gathers a header of a known size from a stream's chunks, however the stream happens to cut them. */
export class ByteGatherer {
  private readonly parts: Buffer[] = [];
  private gathered = 0;

  /**
   * Takes from `chunk`, starting at `at`, what is still missing of `bytes`. Answers the whole header once it is
   * complete (and starts over), else null, and where in the chunk it stopped.
   */
  take(chunk: Buffer, at: number, bytes: number): { readonly whole: Buffer | null; readonly at: number } {
    const taken = chunk.subarray(at, at + bytes - this.gathered);
    this.parts.push(taken);
    this.gathered += taken.length;
    if (this.gathered < bytes) return { whole: null, at: at + taken.length };
    this.gathered = 0;
    return { whole: Buffer.concat(this.parts.splice(0)), at: at + taken.length };
  }
}
