import { BlobLockedError, createFileBlobStore } from '@kluis/blob-store';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { copyBlobs } from './copy-blobs';

describe('copying blobs into a backup', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kluis-copy-blobs-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('carries retention and legal holds along, so the copy refuses to delete what the original kept', async () => {
    const now = () => new Date('2027-01-01T00:00:00.000Z');
    const from = createFileBlobStore(join(dir, 'from'), { now });
    const to = createFileBlobStore(join(dir, 'to'), { now });
    await from.put('documents/retained', Readable.from([Buffer.from('kept by the AML clock')]));
    await from.put('documents/held', Readable.from([Buffer.from('kept by a legal hold')]));
    await from.put('documents/free', Readable.from([Buffer.from('kept by nothing')]));
    await from.retainUntil('documents/retained', new Date('2031-11-24T00:00:00.000Z'));
    await from.legalHold('documents/held', true);

    expect(await copyBlobs(from, to)).toMatchObject({ count: 3, corrupt: [] });

    expect(await to.head('documents/retained')).toMatchObject({ retainUntil: '2031-11-24T00:00:00.000Z' });
    expect(await to.head('documents/held')).toMatchObject({ legalHold: true });
    await expect(to.delete('documents/retained')).rejects.toBeInstanceOf(BlobLockedError);
    await expect(to.delete('documents/held')).rejects.toBeInstanceOf(BlobLockedError);
    await to.delete('documents/free');
    expect(await to.head('documents/free')).toBeNull();
  });
});
