import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeKeyStoreContract } from '../testing';
import { openKeyStore } from './open-key-store';

describeKeyStoreContract('SQLite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kluis-key-store-'));
  const file = join(dir, 'keys.db');
  return {
    open: () => openKeyStore({ kind: 'sqlite', file }),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
});
