import { mkdir, readdir } from 'node:fs/promises';
import { BackupTargetInUseError } from './backup.errors';

/**
 * Creates `dir`, or accepts it when it exists and is empty; anything in it could be someone's data. Only its owner
 * may read it: it will hold every document and the signing key.
 */
export async function claimEmptyFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if ((await readdir(dir)).length > 0) throw new BackupTargetInUseError(dir);
}

/** Refuses a file or a non-empty folder at `path`. */
export async function assertFree(path: string): Promise<void> {
  const entries = await readdir(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    if (error.code === 'ENOTDIR') throw new BackupTargetInUseError(path);
    throw error;
  });
  if (entries.length > 0) throw new BackupTargetInUseError(path);
}
