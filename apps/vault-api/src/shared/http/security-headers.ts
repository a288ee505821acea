import type { NextFunction, Request, Response } from 'express';
import { requestIdOf } from '../access/request-context';
import { notFound } from './problem.exception';
import { problemOf } from './problem-of';
import { sendProblem } from './send-problem';

/** Swagger UI ships its own scripts and styles but sets inline styles too; it talks only to this vault. */
const DOCS_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const HSTS = 'max-age=31536000; includeSubDomains';

const isApi = (path: string) => path === '/v1' || path.startsWith('/v1/');
const isDocs = (path: string) => path === '/docs' || path.startsWith('/docs/') || path === '/docs-json' || path === '/docs-yaml';

/**
 * Headers every answer carries. Every /v1 answer may hold personal data, so none is stored by a browser or proxy;
 * production is only ever reached over TLS, which browsers are told to insist on.
 */
export function securityHeaders(exposure: { readonly production: boolean }) {
  return (request: Request, response: Response, next: NextFunction): void => {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    if (isApi(request.path)) response.setHeader('Cache-Control', 'no-store');
    if (isDocs(request.path)) response.setHeader('Content-Security-Policy', DOCS_POLICY);
    if (exposure.production) response.setHeader('Strict-Transport-Security', HSTS);
    next();
  };
}

// Routes match case-insensitively and with a trailing slash, so the check does too.
const isOps = (path: string) => {
  const normal = path.toLowerCase().replace(/\/+$/, '');
  return isDocs(normal) || normal === '/metrics';
};

/** With VAULT_OPS_ENDPOINTS=hidden, /docs and /metrics answer as if they did not exist. */
export function hiddenOpsEndpoints(exposure: { readonly opsEndpoints: 'public' | 'hidden' }) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (exposure.opsEndpoints === 'hidden' && isOps(request.path)) sendProblem(response, problemOf(notFound()), requestIdOf(request));
    else next();
  };
}
