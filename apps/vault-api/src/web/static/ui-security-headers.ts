import type { AuthConfig } from '@kluis/auth';

/**
 * Headers for every response that carries the UI. The page may run only its own scripts and styles, talk only to
 * the vault (and, in production, to the OIDC issuer for discovery and the code exchange), show previews from blob:
 * URLs it made itself, and never be framed. The API's JSON responses and /docs keep their own headers.
 */
export function uiSecurityHeaders(auth: AuthConfig): Record<string, string> {
  const connect = ["'self'", ...(auth.mode === 'oidc' ? [new URL(auth.issuer).origin] : [])];
  const policy = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' blob:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    'frame-src blob:',
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return {
    'Content-Security-Policy': policy.join('; '),
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
}
