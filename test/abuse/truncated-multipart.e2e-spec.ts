import { mintDevToken } from '@kluis/auth';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { type BuiltVault, startBuiltVault } from '../support/built-vault';
import { aPdf } from '../support/files';
import { chunked, multipartUpload, piecesOf, type RawAnswer, sendRaw } from './support/raw-connection';

/**
 * A multipart upload cut off at every offset, and at random ones, each sent in pieces of several sizes, with a
 * Content-Length and chunked. Whether the end of the body arrives with the first bytes of the file or later, the vault
 * answers every one with a 4xx problem+json and stays up. TRUNCATION_SEED replays the random part.
 */
const SEED = Number(process.env.TRUNCATION_SEED ?? 20261207);
const PIECE_SIZES = [1 << 20, 61, 7] as const;
const RANDOM_CASES = 400;
const PARALLEL = 6;

interface Cut {
  readonly at: number;
  readonly pieceSize: number;
  readonly framing: 'length' | 'chunked';
}

describe('a multipart upload cut off anywhere', () => {
  let dataDir: string;
  let vault: BuiltVault;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kluis-truncated-'));
    vault = await startBuiltVault({ VAULT_DATA_DIR: dataDir, VAULT_RATE_LIMIT_PER_MINUTE: '1000000' });
  });
  afterAll(async () => {
    await vault?.crash();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is answered with a 4xx problem+json at every cut, at every piece size, and the vault stays up', async () => {
    const customerId = `C-${randomUUID()}`;
    const token = await mintDevToken(dataDir, { sub: customerId, roles: ['customer'] });
    const upload = multipartUpload(aPdf());
    const everyOffset: Cut[] = Array.from({ length: upload.closingAt }, (_, at) => at).flatMap((at) =>
      PIECE_SIZES.map((pieceSize, index) => ({ at, pieceSize, framing: (at + index) % 2 === 0 ? 'length' : 'chunked' }) as const),
    );
    const randomOffsets = fc.sample(
      fc.record({ at: fc.nat({ max: upload.closingAt - 1 }), pieceSize: fc.integer({ min: 1, max: 512 }), framing: fc.constantFrom('length' as const, 'chunked' as const) }),
      { seed: SEED, numRuns: RANDOM_CASES },
    );
    const cuts = [...everyOffset, ...randomOffsets];
    expect(cuts.length).toBeGreaterThanOrEqual(2000);

    const send = (cut: Cut): Promise<RawAnswer> => {
      const body = upload.bytes.subarray(0, cut.at);
      const framing: Record<string, string | number> = cut.framing === 'length' ? { 'Content-Length': body.length } : { 'Transfer-Encoding': 'chunked' };
      const pieces = piecesOf(body, cut.pieceSize);
      return sendRaw(vault.url, {
        path: `/v1/customers/${customerId}/documents`,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': upload.contentType, ...framing },
        body: cut.framing === 'length' ? pieces : chunked(pieces),
      });
    };

    const wrong: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < cuts.length) {
        const cut = cuts[next++];
        const answer = await send(cut);
        const problem = answer.status >= 400 && answer.status < 500 && /^application\/problem\+json/.test(answer.headers['content-type'] ?? '');
        if (!problem) wrong.push(`cut at ${cut.at} in pieces of ${cut.pieceSize} (${cut.framing}) → ${answer.status} ${answer.text.slice(0, 120)}`);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));

    expect(wrong.slice(0, 10)).toEqual([]);
    expect(vault.process.exitCode).toBeNull();
    expect((await fetch(`${vault.url}/health`)).status).toBe(200);
  }, 180_000);
});
