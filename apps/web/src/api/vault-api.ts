import { attachmentFilename } from './attachment-filename';
import type { Problem } from './types';

/** An answer other than 2xx, with the problem+json the vault sent (or one made up when it sent none). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }
}

export interface ApiResponse<T> {
  readonly body: T;
  /** The document's revision from its ETag, to send back as If-Match. */
  readonly etag: string | null;
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly body?: unknown;
  readonly ifMatch?: string | null;
}

export async function problemOf(response: Response): Promise<Problem> {
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as Partial<Problem>;
    if (typeof parsed.detail === 'string') return { title: response.statusText, ...parsed, status: response.status } as Problem;
  } catch {
    // Not JSON: a proxy or the network answered, not the vault.
  }
  return { title: response.statusText || 'Error', status: response.status, detail: text.slice(0, 200) || response.statusText };
}

/**
 * Calls the vault's REST API with the signed-in user's bearer token. A 401 means the session is over; the caller
 * hears about it through `onUnauthorized` as well as the thrown error.
 */
export function createVaultApi(token: () => string | null, onUnauthorized: () => void) {
  async function call(path: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const bearer = token();
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    if (options.ifMatch) headers['If-Match'] = options.ifMatch;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    if (response.status === 401) onUnauthorized();
    if (!response.ok) throw new ApiError(await problemOf(response));
    return response;
  }

  return {
    async json<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
      const response = await call(path, options);
      return { body: (await response.json()) as T, etag: response.headers.get('ETag') };
    },
    /** A file to save, with the name the vault suggests for it. */
    async download(path: string): Promise<{ blob: Blob; filename: string | null }> {
      const response = await call(path);
      return { blob: await response.blob(), filename: attachmentFilename(response.headers.get('Content-Disposition')) };
    },
  };
}

export type VaultApi = ReturnType<typeof createVaultApi>;

export const etagOf = (revision: number) => `"${revision}"`;
