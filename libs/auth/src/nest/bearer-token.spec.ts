import { extractBearerToken } from './bearer-token';

const JWT = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJjLTEifQ.c2lnbmF0dXJl';

describe('bearer token in the Authorization header', () => {
  it.each([`Bearer ${JWT}`, `bearer ${JWT}`, `BEARER  ${JWT}`, `Bearer ${JWT} `])('reads "%s"', (header) => {
    expect(extractBearerToken(header)).toBe(JWT);
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['the scheme alone', 'Bearer'],
    ['the scheme and a space', 'Bearer '],
    ['another scheme', `Basic ${JWT}`],
    ['two tokens', `Bearer ${JWT} ${JWT}`],
    ['no space after the scheme', `Bearer${JWT}`],
    ['a token with characters outside b64token', `Bearer ${JWT}"`],
    ['a token alone', JWT],
    ['repeated headers', [`Bearer ${JWT}`, `Bearer ${JWT}`]],
  ])('finds nothing in %s', (_label, header) => {
    expect(extractBearerToken(header)).toBeUndefined();
  });
});
