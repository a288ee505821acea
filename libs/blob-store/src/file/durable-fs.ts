import { mkdir, open, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Writable } from 'node:stream';

/** Flushes a directory's entries (a new, renamed or removed name) to disk. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Creates `dir` and its missing parents, and makes each new name durable in its parent. */
export async function ensureDirectory(dir: string): Promise<void> {
  const firstCreated = await mkdir(dir, { recursive: true });
  if (firstCreated === undefined) return;
  const created: string[] = [];
  const stopAt = dirname(firstCreated);
  for (let current = dir; current !== stopAt && current !== dirname(current); current = dirname(current)) {
    created.unshift(current);
  }
  for (const newDir of created) await syncDirectory(dirname(newDir));
}

/**
 * Creates a new file (failing if `path` exists), fills it with `content` (a string, or a function streaming into
 * the file), and has it flushed to disk before resolving.
 */
export async function writeNewFileDurably(
  path: string,
  content: string | ((file: Writable) => Promise<void>),
): Promise<void> {
  const handle = await open(path, 'wx');
  if (typeof content !== 'string') {
    // The stream owns the handle: it syncs it when it finishes and closes it when it finishes or fails.
    await content(handle.createWriteStream({ flush: true }));
    return;
  }
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function removeIfPresent(...paths: string[]): Promise<void> {
  await Promise.all(paths.map((path) => rm(path, { force: true })));
}

// Duck-typed: errors from Node's own modules may come from another realm (as under jest), where instanceof fails.
export const isNodeError = (error: unknown, code: string): boolean =>
  typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === code;
