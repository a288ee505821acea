import { kluisSignature, SIGNATURE_HEADER } from './kluis-signature';
import type { WebhookEndpoint } from '../config/webhook-config';

/** One POST. `error` says why it failed in words safe to store and show: no URL, no secret. */
export type DeliveryAttempt = { readonly delivered: true; readonly status: number } | { readonly delivered: false; readonly status: number | null; readonly error: string };

const STOPPED = 'stopped before the endpoint answered';

export interface PostOptions {
  readonly timeoutMs: number;
  /** Signs the time; the receiver refuses it when far from its own clock. */
  readonly now: Date;
  /** Aborts the request at once, e.g. on shutdown. */
  readonly signal: AbortSignal;
}

/**
 * POSTs a JSON body, signed, with the given headers. Only a 2xx answer within the deadline counts; redirects are not
 * followed, so a signed delivery never lands anywhere but the configured URL.
 */
export async function postSigned(endpoint: WebhookEndpoint, body: string, headers: Record<string, string>, options: PostOptions): Promise<DeliveryAttempt> {
  if (options.signal.aborted) return { delivered: false, status: null, error: STOPPED };
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), options.timeoutMs);
  const stop = () => deadline.abort();
  options.signal.addEventListener('abort', stop, { once: true });
  try {
    const response = await fetch(endpoint.url, {
      method: 'POST',
      redirect: 'manual',
      signal: deadline.signal,
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Kluis-Webhooks/1',
        [SIGNATURE_HEADER]: kluisSignature(endpoint.secret.reveal(), body, Math.floor(options.now.getTime() / 1000)),
        ...headers,
      },
      body,
    });
    // Nothing in the answer matters but its status; leaving the body unread would hold the connection.
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { delivered: true, status: response.status };
    return { delivered: false, status: response.status, error: `the endpoint answered ${response.status}` };
  } catch (error) {
    if (options.signal.aborted) return { delivered: false, status: null, error: STOPPED };
    if (deadline.signal.aborted) return { delivered: false, status: null, error: `no answer within ${options.timeoutMs} ms` };
    return { delivered: false, status: null, error: unreachable(error) };
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', stop);
  }
}

/** fetch's own messages can carry the host and more; only the system's error code is kept. */
function unreachable(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' && /^[A-Z0-9_]{1,40}$/.test(cause.code) ? cause.code : null;
  return code ? `the endpoint could not be reached (${code})` : 'the endpoint could not be reached';
}
