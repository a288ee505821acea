import type { HistoryEntry } from '../api/types';
import { useSession } from '../auth/session-context';
import { useI18n } from '../i18n/i18n';
import { isMessageKey } from '../i18n/translate';
import { useResource } from '../use-resource';
import { ProblemMessage } from './problem-message';

/** The document's events, oldest first, as the vault words them for the reader (customers see "a reviewer"). */
export function HistoryTimeline({ documentId, version, headingLevel = 2 }: { documentId: string; version: number; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [history] = useResource(
    async () => (await api.json<{ history: HistoryEntry[] }>(`/v1/documents/${encodeURIComponent(documentId)}/history`)).body.history,
    [api, documentId, version],
  );
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="history" aria-labelledby={`history-${documentId}`}>
      <Heading id={`history-${documentId}`}>{t('history.title')}</Heading>
      {history.state === 'loading' && <p>{t('app.loading')}</p>}
      {history.state === 'failed' && <ProblemMessage error={history.error} />}
      {history.state === 'ready' &&
        (history.value.length === 0 ? (
          <p>{t('history.empty')}</p>
        ) : (
          <ol className="timeline">
            {history.value.map((entry, index) => (
              <TimelineItem key={`${entry.at}-${index}`} entry={entry} />
            ))}
          </ol>
        ))}
    </section>
  );
}

/** The vault words events in English, so other languages put their own title above the vault's words. */
function TimelineItem({ entry }: { entry: HistoryEntry }) {
  const { t, dateTime, language } = useI18n();
  const title = `event.${entry.type}`;
  return (
    <li>
      <time dateTime={entry.at}>{dateTime(entry.at)}</time>
      {language !== 'en' && isMessageKey(title) && <span className="timeline-title">{t(title)}</span>}
      <span className="timeline-summary" lang="en">
        {entry.summary}
      </span>
      <span className="timeline-by">{t('history.by', { name: entry.by })}</span>
    </li>
  );
}
