import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeBlobStoreContract } from '../testing';
import { createFileBlobStore } from './file-blob-store';

describeBlobStoreContract('file system', async () => {
  const root = await mkdtemp(join(tmpdir(), 'kluis-file-blobs-'));
  return {
    store: createFileBlobStore(root),
    teardown: () => rm(root, { recursive: true, force: true }),
  };
});
