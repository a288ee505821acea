import type { DocumentType, Problem, VaultDocument } from '../api/types';
import { randomUrlSafe } from '../auth/pkce';

export type SendResult =
  | { readonly outcome: 'stored'; readonly document: VaultDocument; readonly alreadyOnFile: boolean }
  | { readonly outcome: 'refused'; readonly problem: Problem }
  | { readonly outcome: 'network-error' }
  | { readonly outcome: 'cancelled' };

export interface Sending {
  readonly result: Promise<SendResult>;
  cancel(): void;
}

/**
 * Uploads a file with XMLHttpRequest, because fetch cannot report upload progress. An Idempotency-Key makes a
 * retry after a lost answer safe: the vault replays its first answer instead of storing the file twice.
 */
export function sendDocument(request: {
  customerId: string;
  token: string;
  type: DocumentType;
  file: File;
  onProgress(fraction: number): void;
}): Sending {
  const xhr = new XMLHttpRequest();
  const result = new Promise<SendResult>((resolve) => {
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) request.onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => resolve(answer(xhr)));
    xhr.addEventListener('error', () => resolve({ outcome: 'network-error' }));
    xhr.addEventListener('abort', () => resolve({ outcome: 'cancelled' }));
  });
  xhr.open('POST', `/v1/customers/${encodeURIComponent(request.customerId)}/documents`);
  xhr.setRequestHeader('Authorization', `Bearer ${request.token}`);
  xhr.setRequestHeader('Idempotency-Key', randomUrlSafe(16));
  xhr.setRequestHeader('Accept', 'application/json');
  const form = new FormData();
  form.append('type', request.type);
  form.append('channel', 'online');
  form.append('file', request.file, request.file.name);
  xhr.send(form);
  return { result, cancel: () => xhr.abort() };
}

function answer(xhr: XMLHttpRequest): SendResult {
  let body: unknown = null;
  try {
    body = JSON.parse(xhr.responseText);
  } catch {
    // Not JSON: answered by something in front of the vault.
  }
  if (xhr.status === 200 || xhr.status === 201) return { outcome: 'stored', document: body as VaultDocument, alreadyOnFile: xhr.status === 200 };
  const problem = body as Partial<Problem> | null;
  return {
    outcome: 'refused',
    problem: { title: problem?.title ?? xhr.statusText, status: xhr.status, detail: problem?.detail ?? xhr.statusText, code: problem?.code, errors: problem?.errors },
  };
}
