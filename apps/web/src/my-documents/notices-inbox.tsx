import { type FormEvent, useState } from 'react';
import type { Contact, Notice, NoticesPage } from '../api/types';
import { useSession } from '../auth/session-context';
import { useI18n } from '../i18n/i18n';
import { ProblemMessage } from '../ui/problem-message';
import { usePaged } from '../use-paged';
import { useResource } from '../use-resource';

/** What the bank told the customer, newest first, in the language she reads, and where it is emailed. */
export function NoticesInbox() {
  const { t, language, dateTime } = useI18n();
  const { api } = useSession();
  const { items: notices, next, failure, load } = usePaged<Notice>(async (before) => {
    const { body } = await api.json<NoticesPage>(`/v1/me/notices?lang=${language}&limit=5${before === null ? '' : `&before=${before}`}`);
    return { items: body.notices, next: body.next ?? null };
  }, [api, language]);

  return (
    <section aria-labelledby="notices" className="notices">
      <h2 id="notices">{t('notices.title')}</h2>
      {failure !== null && <ProblemMessage error={failure} />}
      {notices !== null && notices.length === 0 && <p>{t('notices.empty')}</p>}
      {notices !== null && notices.length > 0 && (
        <ul className="card-list">
          {notices.map((notice) => (
            <li key={notice.id} className="card notice-item" data-notice-kind={notice.kind}>
              <h3>{notice.title}</h3>
              <p>{notice.body}</p>
              <p className="meta">
                <time dateTime={notice.issuedAt}>{dateTime(notice.issuedAt)}</time> · {t('notices.reference', { reference: notice.reference })}
              </p>
              {notice.delivery === 'failed' && <p className="notice notice-warning">{t('notices.delivery.failed')}</p>}
            </li>
          ))}
        </ul>
      )}
      {next !== null && (
        <button type="button" className="button-quiet" onClick={() => void load(next)}>
          {t('notices.older')}
        </button>
      )}
    </section>
  );
}

/** Where the messages are also emailed; the mail says only that there is news. */
export function ContactForm() {
  const { t } = useI18n();
  const { api } = useSession();
  const [contact] = useResource(async () => (await api.json<Contact>('/v1/me/contact')).body, [api]);
  const [email, setEmail] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const shown = email ?? (contact.state === 'ready' ? (contact.value.email ?? '') : '');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setSaved(null);
    try {
      const { body } = await api.json<Contact>('/v1/me/contact', { method: 'PUT', body: { email: shown } });
      setSaved(body.email);
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <form className="card contact-form" onSubmit={(event) => void save(event)}>
      <div className="field">
        <label htmlFor="contact-email">{t('notices.contact')}</label>
        <p className="hint" id="contact-email-hint">
          {t('notices.contact.hint')}
        </p>
        <input id="contact-email" type="email" autoComplete="email" aria-describedby="contact-email-hint" value={shown} onChange={(event) => setEmail(event.target.value)} />
      </div>
      <button type="submit">{t('notices.contact.save')}</button>
      {saved !== null && (
        <p className="notice notice-success" role="status">
          {t('notices.contact.saved', { email: saved })}
        </p>
      )}
      {failure !== null && <ProblemMessage error={failure} />}
    </form>
  );
}
