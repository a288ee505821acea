import { hostileJson, MAX_JSON_DEPTH } from './hostile-json';

const nested = (depth: number): unknown => (depth === 0 ? 'leaf' : { a: nested(depth - 1) });
const refusal = (value: unknown) => hostileJson(value)?.errors?.[0];

describe('hostile JSON', () => {
  it('lets through what the vault defines: flat objects, arrays and scalars', () => {
    expect(hostileJson({ decision: 'approve', facts: { holderName: 'Maria' }, mrz: ['P<', 'L8'] })).toBeUndefined();
    expect(hostileJson(undefined)).toBeUndefined();
    expect(hostileJson('text')).toBeUndefined();
  });

  it(`allows ${MAX_JSON_DEPTH} levels and refuses one more, naming where`, () => {
    expect(hostileJson(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(refusal(nested(MAX_JSON_DEPTH + 1))?.field).toBe(Array(MAX_JSON_DEPTH).fill('a').join('.'));
  });

  it('refuses 100,000 levels of arrays without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(refusal(deep)?.message).toContain('nested deeper');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a %s key at any depth', (key) => {
    expect(refusal(JSON.parse(`{"${key}":{}}`))?.field).toBe(key);
    expect(refusal(JSON.parse(`{"facts":[{"${key}":1}]}`))?.field).toBe(`facts.0.${key}`);
  });
});
