import { randomUUID } from 'node:crypto';
import type { Request } from 'express';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * The correlation id of a request: the one the logger assigned, else the caller's X-Request-Id when it is sane,
 * else a fresh one. Events and log lines of one request share it.
 */
export function requestIdOf(request: Request): string {
  const assigned = (request as Request & { id?: unknown }).id;
  if (typeof assigned === 'string') return assigned;
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}
