import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { Link, navigate } from '../router';
import { authorizationUrl, discoveryUrl, OidcError, type PendingSignIn, readCallback, readDiscovery, readTokenResponse, tokenRequestBody } from './oidc-flow';
import { codeChallengeS256, randomUrlSafe } from './pkce';
import { homePath } from './session';
import { useSession } from './session-context';

const PENDING_KEY = 'kluis.oidc.pending';
export const CALLBACK_PATH = '/auth/callback';

/** Sends the browser to the issuer to sign in, remembering (in this tab only) what proves the answer is ours. */
export async function startOidcSignIn(oidc: { issuer: string; clientId: string; audience: string }): Promise<void> {
  const discovery = await fetch(discoveryUrl(oidc.issuer), { headers: { Accept: 'application/json' } });
  if (!discovery.ok) throw new OidcError('discovery', `the issuer answered ${discovery.status}`);
  const endpoints = readDiscovery(await discovery.json(), oidc.issuer);
  const pending: PendingSignIn = {
    state: randomUrlSafe(),
    nonce: randomUrlSafe(),
    codeVerifier: randomUrlSafe(),
    tokenEndpoint: endpoints.tokenEndpoint,
    redirectUri: new URL(CALLBACK_PATH, window.location.origin).href,
    clientId: oidc.clientId,
  };
  window.sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const codeChallenge = await codeChallengeS256(pending.codeVerifier);
  window.location.assign(authorizationUrl(endpoints.authorizationEndpoint, { ...pending, codeChallenge, audience: oidc.audience }));
}

function takePending(): PendingSignIn | null {
  const stored = window.sessionStorage.getItem(PENDING_KEY);
  // Used once: a replayed redirect finds nothing and is refused.
  window.sessionStorage.removeItem(PENDING_KEY);
  return stored ? (JSON.parse(stored) as PendingSignIn) : null;
}

/** Where the issuer sends the browser back: exchange the code for tokens, then go to the user's first screen. */
export function OidcCallbackPage() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    // React runs effects twice in development; the code may be exchanged only once.
    if (started.current) return;
    started.current = true;
    (async () => {
      const { code, pending } = readCallback(window.location.search, takePending());
      const response = await fetch(pending.tokenEndpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: tokenRequestBody(code, pending),
      });
      if (!response.ok) throw new OidcError('token', `the issuer answered ${response.status}`);
      const session = signIn(readTokenResponse(await response.json(), pending));
      navigate(homePath(session), { replace: true });
    })().catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  }, [signIn]);

  return (
    <div className="narrow">
      <h1 tabIndex={-1}>{t('signIn.title')}</h1>
      {failure ? (
        <>
          <p role="alert" className="notice notice-error">
            {t('signIn.failed', { reason: failure })}
          </p>
          <Link to="/">{t('app.retry')}</Link>
        </>
      ) : (
        <p role="status">{t('signIn.completing')}</p>
      )}
    </div>
  );
}
