import { useEffect } from 'react';
import type { UiConfig } from './api/types';
import { CALLBACK_PATH, OidcCallbackPage } from './auth/oidc-sign-in';
import { homePath, type Role } from './auth/session';
import { SessionProvider, useSession } from './auth/session-context';
import { SignInPage } from './auth/sign-in-page';
import { ConfigContext } from './config';
import { DepartmentPage } from './department/department-page';
import { I18nProvider, useI18n } from './i18n/i18n';
import { AccessLogPage } from './my-documents/access-log-page';
import { MyDocumentsPage } from './my-documents/my-documents-page';
import { ReviewDocumentPage } from './review/review-document-page';
import { ReviewQueuePage } from './review/review-queue-page';
import { Link, navigate, usePath } from './router';
import { Shell } from './shell';
import { useResource } from './use-resource';

export function App() {
  return (
    <I18nProvider>
      <Configured />
    </I18nProvider>
  );
}

function Configured() {
  const { t } = useI18n();
  const [config, reload] = useResource(async () => {
    const response = await fetch('/ui-config', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`ui-config answered ${response.status}`);
    return (await response.json()) as UiConfig;
  }, []);
  if (config.state !== 'ready') {
    return (
      <main className="page narrow">
        <h1 tabIndex={-1}>{t('app.name')}</h1>
        {config.state === 'loading' ? (
          <p>{t('app.loading')}</p>
        ) : (
          <>
            <p role="alert">{t('app.configFailed')}</p>
            <button type="button" onClick={reload}>
              {t('app.retry')}
            </button>
          </>
        )}
      </main>
    );
  }
  return (
    <ConfigContext.Provider value={config.value}>
      <SessionProvider>
        <Shell>
          <Page />
        </Shell>
      </SessionProvider>
    </ConfigContext.Provider>
  );
}

const REVIEW_DOCUMENT = /^\/review\/([0-9a-f-]{36})$/i;

function Page() {
  const path = usePath();
  const { session } = useSession();
  const home = session ? homePath(session) : '/';
  const misplaced = session !== null && (path === '/' || path === '/sign-in');
  useEffect(() => {
    if (misplaced) navigate(home, { replace: true });
  }, [misplaced, home]);

  if (path === CALLBACK_PATH) return <OidcCallbackPage />;
  if (!session) return <SignInPage />;
  const may = (role: Role) => session.roles.includes(role);
  if (path === '/my-documents' && may('customer')) return <MyDocumentsPage />;
  if (path === '/access-log' && may('customer')) return <AccessLogPage />;
  if (path === '/review' && may('reviewer')) return <ReviewQueuePage />;
  const reviewing = REVIEW_DOCUMENT.exec(path);
  if (reviewing && may('reviewer')) return <ReviewDocumentPage key={reviewing[1]} documentId={reviewing[1]} />;
  if (path === '/department' && may('department')) return <DepartmentPage />;
  if (misplaced) return null;
  return <NotFound noScreen={path === '/signed-in'} />;
}

function NotFound({ noScreen }: { noScreen: boolean }) {
  const { t } = useI18n();
  return (
    <div className="narrow">
      <h1 tabIndex={-1}>{noScreen ? t('app.noScreen') : t('app.notFound')}</h1>
      {!noScreen && <Link to="/">{t('app.goHome')}</Link>}
    </div>
  );
}
