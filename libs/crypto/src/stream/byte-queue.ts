/** Bytes waiting to be cut into chunks, kept as the buffers they arrived in so that no byte is copied twice. */
export class ByteQueue {
  private readonly buffers: Buffer[] = [];
  private offset = 0;
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(buffer: Buffer): void {
    if (buffer.length === 0) return;
    this.buffers.push(buffer);
    this.size += buffer.length;
  }

  /** The next `count` bytes (at most `length`), a view of the input when they lie in one buffer. */
  take(count: number): Buffer {
    if (count > this.size) throw new RangeError(`cannot take ${count} of ${this.size} queued bytes`);
    this.size -= count;
    const first = this.buffers[0];
    if (count === 0) return Buffer.alloc(0);
    if (first.length - this.offset >= count) return this.advance(first, count);
    const out = Buffer.allocUnsafe(count);
    for (let filled = 0; filled < count; ) {
      const part = this.advance(this.buffers[0], Math.min(count - filled, this.buffers[0].length - this.offset));
      part.copy(out, filled);
      filled += part.length;
    }
    return out;
  }

  private advance(buffer: Buffer, count: number): Buffer {
    const part = buffer.subarray(this.offset, this.offset + count);
    this.offset += count;
    if (this.offset === buffer.length) {
      this.buffers.shift();
      this.offset = 0;
    }
    return part;
  }
}
