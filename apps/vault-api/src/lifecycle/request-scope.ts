import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

const scope = new AsyncLocalStorage<Response>();

/** Runs the rest of a request in its own scope, so an error that escapes it can still find whom to answer. */
export function scopeRequest(_request: Request, response: Response, next: NextFunction): void {
  scope.run(response, next);
}

/** The response of the request whose work is running now, if any. */
export const currentResponse = (): Response | undefined => scope.getStore();
