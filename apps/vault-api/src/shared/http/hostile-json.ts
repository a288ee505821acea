import { badRequest, type ProblemException } from './problem.exception';

/** Deeper than any request the vault defines; deeper bodies only exist to exhaust the validators' recursion. */
export const MAX_JSON_DEPTH = 16;

/** Keys that name an object's prototype: refused like any other unknown key, wherever they appear. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const isPrototypeKey = (key: string): boolean => PROTOTYPE_KEYS.has(key);

/**
 * The first reason to refuse a parsed JSON value before any validator sees it, or undefined. Iterative, so a deep
 * value cannot overflow the stack here either.
 */
export function hostileJson(value: unknown): ProblemException | undefined {
  const pending: { value: unknown; field: string; depth: number }[] = [{ value, field: '', depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth >= MAX_JSON_DEPTH) return badRequest(next.field || 'body', `is nested deeper than ${MAX_JSON_DEPTH} levels`);
    for (const key of Object.keys(next.value)) {
      const field = next.field ? `${next.field}.${key}` : key;
      if (isPrototypeKey(key)) return badRequest(field, 'is not a known field');
      pending.push({ value: (next.value as Record<string, unknown>)[key], field, depth: next.depth + 1 });
    }
  }
  return undefined;
}
