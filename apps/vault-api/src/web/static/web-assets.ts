import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';

export interface WebAsset {
  readonly body: Buffer;
  readonly contentType: string;
  readonly etag: string;
  /** Vite names these after their content, so they never change under the same URL. */
  readonly immutable: boolean;
}

/** URL path (`/assets/index-3f2a.js`) to file. */
export type WebAssets = ReadonlyMap<string, WebAsset>;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Reads the built UI into memory once, at start-up. It is a few hundred kilobytes and never changes while the
 * vault runs, and serving only what was listed here means no request path ever reaches the file system.
 * Returns null when there is no built UI.
 */
export async function loadWebAssets(dir: string): Promise<WebAssets | null> {
  const files = await listFiles(dir);
  if (!files?.some((file) => relative(dir, file) === 'index.html')) return null;
  const assets = new Map<string, WebAsset>();
  for (const file of files) {
    const contentType = CONTENT_TYPES[extname(file).toLowerCase()];
    if (!contentType) continue;
    const path = `/${relative(dir, file).split(sep).join('/')}`;
    const body = await readFile(file);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    assets.set(path, { body, contentType, etag, immutable: path.startsWith('/assets/') });
  }
  return assets;
}

async function listFiles(dir: string): Promise<string[] | null> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...((await listFiles(path)) ?? []));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}
