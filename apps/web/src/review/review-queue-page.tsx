import { useId, useState } from 'react';
import type { DocumentType, ReviewQueueItem } from '../api/types';
import { useSession, useSignedIn } from '../auth/session-context';
import { useUiConfig } from '../config';
import { countdown } from '../format/countdown';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { ProblemMessage } from '../ui/problem-message';
import { StatusBadge } from '../ui/status-badge';
import { useNow } from '../use-now';
import { useResource } from '../use-resource';
import { DueLabel } from './due-label';

/** The review desk's queue: oldest first, overdue in red, with a countdown, filters, and claim or release. */
export function ReviewQueuePage() {
  const { t, time, relative } = useI18n();
  const { api } = useSession();
  const me = useSignedIn().sub;
  const { documentTypes } = useUiConfig();
  const now = useNow(30_000);
  const ids = { type: useId(), overdue: useId() };
  const [type, setType] = useState<DocumentType | ''>('');
  const [onlyOverdue, setOnlyOverdue] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [queue, reload] = useResource(
    async () => (await api.json<{ items: ReviewQueueItem[] }>(`/v1/review-queue${onlyOverdue ? '?overdue=true' : ''}`)).body.items,
    [api, onlyOverdue],
  );
  const items = queue.state === 'ready' ? queue.value.filter((item) => type === '' || item.type === type) : [];

  const claim = async (item: ReviewQueueItem, release: boolean) => {
    setFailure(null);
    try {
      await api.json(`/v1/documents/${encodeURIComponent(item.id)}/claim`, { method: release ? 'DELETE' : 'POST' });
    } catch (error) {
      setFailure(error);
    }
    reload();
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('queue.title')}</h1>
      <p className="lead">{t('queue.intro')}</p>
      <div className="filters">
        <div className="field">
          <label htmlFor={ids.type}>{t('queue.filterType')}</label>
          <select id={ids.type} value={type} onChange={(event) => setType(event.target.value as DocumentType | '')}>
            <option value="">{t('queue.allTypes')}</option>
            {documentTypes.map(({ type: option }) => (
              <option key={option} value={option}>
                {t(`type.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-inline">
          <input id={ids.overdue} type="checkbox" checked={onlyOverdue} onChange={(event) => setOnlyOverdue(event.target.checked)} />
          <label htmlFor={ids.overdue}>{t('queue.onlyOverdue')}</label>
        </div>
        <button type="button" onClick={reload}>
          {t('app.refresh')}
        </button>
      </div>
      {failure !== null && <ProblemMessage error={failure} />}
      {queue.state === 'loading' && <p>{t('app.loading')}</p>}
      {queue.state === 'failed' && <ProblemMessage error={queue.error} />}
      {queue.state === 'ready' && items.length === 0 && <p className="notice notice-info">{t('queue.empty')}</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="queue">
            <caption>{t('queue.caption', { count: items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('queue.col.document')}</th>
                <th scope="col">{t('queue.col.customer')}</th>
                <th scope="col">{t('queue.col.waiting')}</th>
                <th scope="col">{t('queue.col.due')}</th>
                <th scope="col">{t('queue.col.state')}</th>
                <th scope="col">{t('queue.col.claim')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const claimedByOther = item.claimedBy !== null && item.claimedBy !== me;
                const what = `${t(`type.${item.type}`)}, ${item.customerId}`;
                return (
                  <tr key={item.id} className={item.overdue ? 'row-overdue' : undefined} data-document-id={item.id}>
                    <th scope="row">
                      <Link to={`/review/${item.id}`} aria-label={t('queue.open', { type: t(`type.${item.type}`), customer: item.customerId })}>
                        {t(`type.${item.type}`)}
                      </Link>
                    </th>
                    <td>{item.customerId}</td>
                    <td>{relative(countdown(item.submittedAt, now))}</td>
                    <td>
                      <DueLabel dueAt={item.dueAt} now={now} />
                    </td>
                    <td>
                      <StatusBadge status={item.status} audience="staff" />
                      {item.firstApprovalBy && <span className="meta block">{t('queue.firstApprovalBy', { name: item.firstApprovalBy })}</span>}
                      {item.waitingDepartments.length > 0 && <WaitedOnBy item={item} />}
                    </td>
                    <td>
                      <span className="meta block">
                        {item.claimedBy === null || item.claimedUntil === null
                          ? t('queue.unclaimed')
                          : item.claimedBy === me
                            ? t('queue.claimedByYou', { time: time(item.claimedUntil) })
                            : t('queue.claimedBy', { name: item.claimedBy, time: time(item.claimedUntil) })}
                      </span>
                      {item.claimedBy === me ? (
                        <button type="button" className="button-small" aria-label={`${t('queue.release')}: ${what}`} onClick={() => void claim(item, true)}>
                          {t('queue.release')}
                        </button>
                      ) : (
                        !claimedByOther && (
                          <button type="button" className="button-small" aria-label={`${t('queue.claim')}: ${what}`} onClick={() => void claim(item, false)}>
                            {t('queue.claim')}
                          </button>
                        )
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** Which departments wait on this review instead of asking the customer, and the earliest date they need it by. */
function WaitedOnBy({ item }: { item: ReviewQueueItem }) {
  const { t, date, department } = useI18n();
  const departments = item.waitingDepartments.map(department).join(', ');
  return (
    <span className="meta block">{item.neededBy ? t('queue.waitedOnBy', { departments, date: date(item.neededBy) }) : t('queue.waitedOnByUndated', { departments })}</span>
  );
}
