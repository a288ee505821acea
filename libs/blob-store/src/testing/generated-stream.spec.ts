import { failingStream, generatedChunks, generatedStream, sha256Of } from './generated-stream';
import { digestStream, readAllBytes } from './read-all';

describe('generated test streams', () => {
  it('yield the bytes that sha256Of describes', async () => {
    await expect(digestStream(generatedStream(200_001, 'seed'))).resolves.toEqual({
      size: 200_001,
      sha256: sha256Of('seed', 200_001),
    });
  });

  it('are the same for the same seed and differ between seeds', async () => {
    const first = await readAllBytes(generatedStream(70_000, 'a'));

    expect((await readAllBytes(generatedStream(70_000, 'a'))).equals(first)).toBe(true);
    expect((await readAllBytes(generatedStream(70_000, 'b'))).equals(first)).toBe(false);
    expect(Buffer.concat([...generatedChunks(70_000, 'a')]).equals(first)).toBe(true);
  });

  it('look random, not like a repeated pattern', async () => {
    const bytes = await readAllBytes(generatedStream(65_536 * 2, 'entropy'));

    expect(bytes.subarray(0, 65_536).equals(bytes.subarray(65_536))).toBe(false);
    expect(new Set(bytes.subarray(0, 4096)).size).toBeGreaterThan(200);
  });

  it('fail with the given error after the given number of bytes', async () => {
    const failure = new Error('cut off');
    const stream = failingStream(100_000, failure);
    let received = 0;

    const read = (async () => {
      for await (const chunk of stream) {
        received += chunk.length;
      }
    })();

    await expect(read).rejects.toBe(failure);
    expect(received).toBe(100_000);
  });
});
