import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Windows this long are what "no plaintext at rest" looks for: far too long to occur by chance in ciphertext. */
export const PLAINTEXT_WINDOW_BYTES = 16;

/**
 * Whether any `window`-byte run of `needle` occurs in `haystack`: the proof that bytes at rest hold no plaintext of
 * a known upload. A needle shorter than the window (a document number) is looked for whole. Exact: every offset of
 * the needle is indexed and every candidate is compared byte for byte. Memory grows with the needle, up to about 20
 * bytes a byte, so pass a document, or a slice of a large one, rather than gigabytes.
 */
export function containsPlaintext(haystack: Uint8Array, needle: Uint8Array, window = PLAINTEXT_WINDOW_BYTES): boolean {
  if (needle.length === 0) throw new RangeError('the needle is empty');
  const size = Math.min(window, needle.length);
  if (haystack.length < size) return false;
  const windows = new WindowSet(needle, size);
  const outgoing = power(size - 1);
  const { filter, filterShift } = windows;
  let hash = hashOf(haystack, size);
  for (let start = 0; ; start += 1) {
    const bit = imul(hash, MIX) >>> filterShift;
    if ((filter[bit >>> 5] & (1 << (bit & 31))) !== 0 && windows.has(hash, haystack, start)) return true;
    if (start + size >= haystack.length) return false;
    hash = roll(hash, haystack[start], haystack[start + size], outgoing);
  }
}

/** The files under `dir` (relative paths) that contain plaintext of `needle`, in the sense of `containsPlaintext`. */
export async function filesContainingPlaintext(dir: string, needle: Uint8Array, window = PLAINTEXT_WINDOW_BYTES): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath ?? entry.path, entry.name);
    if (containsPlaintext(await readFile(file), needle, window)) found.push(relative(dir, file));
  }
  return found.sort();
}

// A polynomial rolling hash (Rabin-Karp) kept in int32 arithmetic, which the engine runs without boxing numbers.
// `imul` is held locally: looked up on the global `Math` in a sandbox such as jest's, every call would be slow.
const { imul } = Math;
const BASE = 0x01000193;
const MIX = 0x9e3779b1 | 0;

const roll = (hash: number, leaving: number, entering: number, outgoing: number): number =>
  (imul((hash - imul(leaving, outgoing)) | 0, BASE) + entering) | 0;

function hashOf(bytes: Uint8Array, size: number, start = 0): number {
  let hash = 0;
  for (let i = start; i < start + size; i += 1) hash = (imul(hash, BASE) + bytes[i]) | 0;
  return hash;
}

function power(exponent: number): number {
  let result = 1;
  for (let i = 0; i < exponent; i += 1) result = imul(result, BASE);
  return result;
}

/**
 * Every window of the needle by its hash: a bit set small enough to stay in cache rules out nearly every haystack
 * offset at once, and an open-addressed table of (hash, offset) pairs settles the rest byte for byte.
 */
class WindowSet {
  readonly filter: Int32Array;
  readonly filterShift: number;
  private readonly slots: Int32Array;
  private readonly slotShift: number;
  private readonly slotMask: number;

  constructor(
    private readonly needle: Uint8Array,
    private readonly size: number,
  ) {
    const windows = needle.length - size + 1;
    const filterBits = log2Capacity(windows * 8);
    this.filter = new Int32Array(Math.max(1, 2 ** filterBits / 32));
    this.filterShift = 32 - filterBits;
    const slotBits = log2Capacity(windows * 2);
    this.slots = new Int32Array(2 ** slotBits * 2).fill(-1);
    this.slotShift = 32 - slotBits;
    this.slotMask = 2 ** slotBits - 1;
    const outgoing = power(size - 1);
    let hash = hashOf(needle, size);
    for (let start = 0; start < windows; start += 1) {
      this.insert(hash, start);
      if (start + size < needle.length) hash = roll(hash, needle[start], needle[start + size], outgoing);
    }
  }

  has(hash: number, bytes: Uint8Array, start: number): boolean {
    for (let slot = this.slotOf(hash); this.slots[slot * 2 + 1] !== -1; slot = (slot + 1) & this.slotMask) {
      if (this.slots[slot * 2] === hash && this.equal(this.slots[slot * 2 + 1], bytes, start)) return true;
    }
    return false;
  }

  // A repeated window (a run of zeroes in a PDF) is kept once, or the probe chains would grow with it.
  private insert(hash: number, offset: number): void {
    if (this.has(hash, this.needle, offset)) return;
    const bit = imul(hash, MIX) >>> this.filterShift;
    this.filter[bit >>> 5] |= 1 << (bit & 31);
    let slot = this.slotOf(hash);
    while (this.slots[slot * 2 + 1] !== -1) slot = (slot + 1) & this.slotMask;
    this.slots[slot * 2] = hash;
    this.slots[slot * 2 + 1] = offset;
  }

  // Multiplicative hashing into the table takes the product's high bits: the rolling hash's low bits mix poorly.
  private slotOf(hash: number): number {
    return imul(hash ^ (hash >>> 16), MIX) >>> this.slotShift;
  }

  private equal(offset: number, bytes: Uint8Array, start: number): boolean {
    for (let i = 0; i < this.size; i += 1) if (this.needle[offset + i] !== bytes[start + i]) return false;
    return true;
  }
}

function log2Capacity(count: number): number {
  let bits = 6;
  while (2 ** bits < count) bits += 1;
  return Math.min(bits, 31);
}
