import { useState } from 'react';
import type { DemoIdentity } from '../api/types';
import { useUiConfig } from '../config';
import { useI18n } from '../i18n/i18n';
import { isMessageKey } from '../i18n/translate';
import { navigate } from '../router';
import { ProblemMessage } from '../ui/problem-message';
import { useResource } from '../use-resource';
import { startOidcSignIn } from './oidc-sign-in';
import { homePath } from './session';
import { useSession } from './session-context';

export function SignInPage() {
  const { t } = useI18n();
  const config = useUiConfig();
  const { ended } = useSession();
  return (
    <div className="narrow">
      <h1 tabIndex={-1}>{t('signIn.title')}</h1>
      {ended && (
        <p role="status" className="notice notice-info">
          {t('app.sessionEnded')}
        </p>
      )}
      {config.authMode === 'dev' ? <DemoSignIn /> : <OidcSignIn />}
    </div>
  );
}

function DemoSignIn() {
  const { t } = useI18n();
  const { api, signIn } = useSession();
  const [failure, setFailure] = useState<unknown>(null);
  const [identities] = useResource(async () => (await api.json<{ identities: DemoIdentity[] }>('/dev/identities')).body.identities, [api]);

  const become = async (identity: DemoIdentity) => {
    setFailure(null);
    try {
      const { body } = await api.json<{ token: string }>('/dev/tokens', { method: 'POST', body: { identity: identity.id } });
      navigate(homePath(signIn(body.token)), { replace: true });
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <>
      <p>{t('signIn.demoIntro')}</p>
      <p className="notice notice-warning">{t('signIn.demoWarning')}</p>
      {identities.state === 'loading' && <p>{t('app.loading')}</p>}
      {identities.state === 'failed' && <ProblemMessage error={identities.error} />}
      {identities.state === 'ready' && (
        <ul className="identity-list">
          {identities.value.map((identity) => {
            const name = `signIn.identity.${identity.id}`;
            const about = `${name}.about`;
            const label = isMessageKey(name) ? t(name) : identity.sub;
            return (
              <li key={identity.id}>
                <button type="button" className="identity" onClick={() => void become(identity)}>
                  <span className="identity-name">
                    <span className="visually-hidden">{t('signIn.as')} </span>
                    {label}
                  </span>
                  {isMessageKey(about) && <span className="identity-about">{t(about)}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {failure !== null && <ProblemMessage error={failure} />}
    </>
  );
}

function OidcSignIn() {
  const { t } = useI18n();
  const { oidc } = useUiConfig();
  const [failure, setFailure] = useState<string | null>(null);
  if (!oidc?.clientId) {
    return (
      <p role="alert" className="notice notice-error">
        {t('signIn.oidcNotConfigured')}
      </p>
    );
  }
  const start = () => {
    setFailure(null);
    startOidcSignIn({ ...oidc, clientId: oidc.clientId! }).catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  };
  return (
    <>
      <p>{t('signIn.oidcIntro')}</p>
      <button type="button" className="button-primary" onClick={start}>
        {t('signIn.oidcButton')}
      </button>
      {failure && (
        <p role="alert" className="notice notice-error">
          {t('signIn.failed', { reason: failure })}
        </p>
      )}
    </>
  );
}
