import { uiSecurityHeaders } from './ui-security-headers';

describe('the UI security headers', () => {
  const directive = (policy: string, name: string) => policy.split('; ').find((part) => part.startsWith(`${name} `));

  it('let the page talk to the vault alone in dev mode', () => {
    const policy = uiSecurityHeaders({ mode: 'dev', dataDir: '.' })['Content-Security-Policy'];
    expect(directive(policy, 'connect-src')).toBe("connect-src 'self'");
    expect(directive(policy, 'script-src')).toBe("script-src 'self'");
  });

  it('add the OIDC issuer, by origin only, for discovery and the code exchange', () => {
    const headers = uiSecurityHeaders({ mode: 'oidc', issuer: 'https://login.bank.example/realms/kluis', jwksUrl: 'https://login.bank.example/certs', audience: 'kluis' });
    expect(directive(headers['Content-Security-Policy'], 'connect-src')).toBe("connect-src 'self' https://login.bank.example");
  });
});
