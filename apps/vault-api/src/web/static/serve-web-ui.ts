import type { NextFunction, Request, Response } from 'express';
import type { WebAsset, WebAssets } from './web-assets';

/** Paths the API owns. Everything else that a browser navigates to is a page of the UI. */
const API_PREFIXES = ['/v1', '/docs', '/docs-json', '/health', '/metrics', '/ui-config', '/dev'];

const isApiPath = (path: string) => API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/**
 * Serves the built UI: its files by their exact path, and index.html for any other page a browser asks for
 * (the UI routes in the browser). API paths and requests that do not accept HTML fall through to the API, so an
 * unknown API path still answers 404 problem+json.
 */
export function serveWebUi(assets: WebAssets, securityHeaders: Record<string, string>) {
  const index = assets.get('/index.html');
  if (!index) throw new Error('the built UI has no index.html');
  return (request: Request, response: Response, next: NextFunction): void => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isApiPath(request.path)) return next();
    const asset = assets.get(request.path) ?? (isPageRequest(request) ? index : undefined);
    if (!asset) return next();
    send(request, response, asset, securityHeaders);
  };
}

// A browser navigating asks for text/html by name; an API client asking for anything (*/*) gets the API's 404.
const isPageRequest = (request: Request) => (request.headers.accept ?? '').includes('text/html') && !request.path.startsWith('/assets/');

function send(request: Request, response: Response, asset: WebAsset, securityHeaders: Record<string, string>): void {
  response.set(securityHeaders);
  response.set({
    'Content-Type': asset.contentType,
    'Cache-Control': asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: asset.etag,
  });
  if (request.headers['if-none-match'] === asset.etag) {
    response.status(304).end();
    return;
  }
  response.set('Content-Length', String(asset.body.length));
  response.status(200).end(request.method === 'HEAD' ? undefined : asset.body);
}
