import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Every file under a vault's data folder but the databases, whose pages change with any request. */
export async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .filter((path) => !/\.db(-wal|-shm|-journal)?$/.test(path))
    .sort();
}
