import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filesContainingPlaintext } from './contains-plaintext';

describe('looking for plaintext in files at rest', () => {
  const needle = randomBytes(64 * 1024);

  it('names the files under a folder that hold plaintext', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kluis-plaintext-'));
    try {
      await mkdir(join(dir, 'blobs', 'ab'), { recursive: true });
      await writeFile(join(dir, 'blobs', 'ab', 'leaky'), Buffer.concat([randomBytes(10), needle.subarray(300, 340)]));
      await writeFile(join(dir, 'blobs', 'sealed'), randomBytes(4096));
      await writeFile(join(dir, 'events.db'), needle.subarray(0, 16));

      await expect(filesContainingPlaintext(dir, needle)).resolves.toEqual([join('blobs', 'ab', 'leaky'), 'events.db']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
