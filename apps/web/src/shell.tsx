import { type ReactNode, useEffect } from 'react';
import { useSession } from './auth/session-context';
import { LanguageSwitch, useI18n } from './i18n/i18n';
import { Link, navigate, usePath } from './router';

/** The frame of every page: who is signed in, where they can go, the language, and a skip link for keyboards. */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { session, signOut } = useSession();
  const path = usePath();

  // A new page is announced by moving focus to its heading, as a full page load would.
  useEffect(() => {
    document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
  }, [path]);

  const links = [
    { to: '/my-documents', label: t('nav.myDocuments'), role: 'customer' as const },
    { to: '/access-log', label: t('nav.accessLog'), role: 'customer' as const },
    { to: '/review', label: t('nav.review'), role: 'reviewer' as const },
    { to: '/department', label: t('nav.department'), role: 'department' as const },
  ].filter((link) => session?.roles.includes(link.role));

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <p className="brand">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </p>
          {links.length > 0 && (
            <nav aria-label={t('nav.main')}>
              <ul>
                {links.map((link) => (
                  <li key={link.to}>
                    <Link to={link.to} aria-current={path.startsWith(link.to) ? 'page' : undefined}>
                      {link.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <div className="header-tools">
            <LanguageSwitch />
            {session && (
              <>
                <span className="who">{t('app.signedInAs', { name: session.department ? `${session.sub} (${session.department})` : session.sub })}</span>
                <button
                  type="button"
                  className="button-quiet"
                  onClick={() => {
                    signOut();
                    navigate('/');
                  }}
                >
                  {t('app.signOut')}
                </button>
              </>
            )}
          </div>
        </div>
      </header>
      <main id="main" className="page">
        {children}
      </main>
    </>
  );
}
