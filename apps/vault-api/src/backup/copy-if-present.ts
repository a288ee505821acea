import { copyFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Copies a file that may not exist (a dev-mode key, made only when first needed); answers whether it did. */
export async function copyIfPresent(from: string, to: string): Promise<boolean> {
  await mkdir(dirname(to), { recursive: true });
  return copyFile(from, to).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
}
