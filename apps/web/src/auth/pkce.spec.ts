import { base64Url, codeChallengeS256, randomUrlSafe } from './pkce';

describe('PKCE', () => {
  it('derives the S256 challenge of RFC 7636 Appendix B', async () => {
    await expect(codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).resolves.toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes verifiers of 43 unreserved characters that never repeat', () => {
    const verifiers = Array.from({ length: 50 }, () => randomUrlSafe());
    for (const verifier of verifiers) expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(verifiers).size).toBe(50);
  });

  it('refuses a verifier the issuer would refuse', async () => {
    await expect(codeChallengeS256('too-short')).rejects.toThrow(RangeError);
    await expect(codeChallengeS256(`${'a'.repeat(43)}+`)).rejects.toThrow(RangeError);
  });

  it('encodes base64url without padding', () => {
    expect(base64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });
});
