import type { AccessLogEntry, AccessLogPage } from '../api/types';
import { useSession } from '../auth/session-context';
import { useI18n } from '../i18n/i18n';
import { isMessageKey } from '../i18n/translate';
import { ProblemMessage } from '../ui/problem-message';
import { usePaged } from '../use-paged';

/** Every look at the customer's documents or evidence, newest first: who, what, when and why. */
export function AccessLogPage() {
  const { t, dateTime } = useI18n();
  const { api } = useSession();
  const { items: entries, next, failure, load } = usePaged<AccessLogEntry>(async (before) => {
    const { body } = await api.json<AccessLogPage>(`/v1/me/access-log${before === null ? '' : `?before=${before}`}`);
    return { items: body.entries, next: body.next ?? null };
  }, [api]);

  return (
    <>
      <h1 tabIndex={-1}>{t('access.title')}</h1>
      <p className="lead">{t('access.intro')}</p>
      {failure !== null && <ProblemMessage error={failure} />}
      {entries === null && failure === null && <p>{t('app.loading')}</p>}
      {entries !== null && entries.length === 0 && <p className="notice notice-info">{t('access.empty')}</p>}
      {entries !== null && entries.length > 0 && (
        <div className="table-wrap">
          <table className="queue access-log">
            <caption>{t('access.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('access.col.when')}</th>
                <th scope="col">{t('access.col.who')}</th>
                <th scope="col">{t('access.col.what')}</th>
                <th scope="col">{t('access.col.why')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, index) => (
                <AccessLogRow key={`${entry.at}-${index}`} entry={entry} when={dateTime(entry.at)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next !== null && (
        <button type="button" onClick={() => void load(next)}>
          {t('access.older')}
        </button>
      )}
    </>
  );
}

/** The vault words who and what in English; what is also known by its type, so it can be said in any language. */
function AccessLogRow({ entry, when }: { entry: AccessLogEntry; when: string }) {
  const { t, language } = useI18n();
  const what = `access.what.${entry.type}`;
  return (
    <tr>
      <td>
        <time dateTime={entry.at}>{when}</time>
      </td>
      <td lang={language === 'en' ? undefined : 'en'}>{entry.who}</td>
      <td>
        {isMessageKey(what) ? t(what) : entry.what}
        {entry.attempts !== undefined && entry.attempts > 1 && <span className="meta"> ({t('access.attempts', { count: entry.attempts })})</span>}
      </td>
      <td>{entry.purpose ?? <span className="meta">{t('access.noPurpose')}</span>}</td>
    </tr>
  );
}
