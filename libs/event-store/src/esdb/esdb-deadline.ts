import { EventStoreUnavailableError } from '../event-store.errors';

/**
 * Our own bound on a call. The client's `deadline` is not enough: its server-features probe, made before the first
 * append, carries no deadline at all, reads run with an infinite one, and a peer that accepts TCP but never answers
 * HTTP/2 keeps a call pending until keepalive gives up. On timeout `abandon` cancels what can be cancelled; the
 * abandoned promise may still settle later and is ignored.
 */
export async function withDeadline<T>(
  deadlineMs: number,
  operation: string,
  work: Promise<T>,
  abandon?: () => void,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abandon?.();
      reject(new EventStoreUnavailableError(`EventStoreDB did not answer ${operation} within ${deadlineMs} ms`));
    }, deadlineMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Drains a finite read; iteration is where the client surfaces its errors (stream not found, unavailable). */
export async function collect<E>(read: AsyncIterable<E>): Promise<E[]> {
  const items: E[] = [];
  for await (const item of read) items.push(item);
  return items;
}
