import { useState } from 'react';
import { FACT_NAMES, type MyDocument, type MyDocuments, type OpenRequest } from '../api/types';
import { useSession } from '../auth/session-context';
import { useI18n } from '../i18n/i18n';
import { HistoryTimeline } from '../ui/history-timeline';
import { ProblemMessage } from '../ui/problem-message';
import { StatusBadge } from '../ui/status-badge';
import { useResource } from '../use-resource';
import { ContactForm, NoticesInbox } from './notices-inbox';
import { UploadPanel } from './upload-panel';
import { YourData } from './your-data';

/**
 * The customer's own view: what is on file and where it stands, who relies on it, what the bank still needs, and
 * everything the bank holds on them to take away.
 */
export function MyDocumentsPage() {
  const { t } = useI18n();
  const { api } = useSession();
  const [mine, reload] = useResource(async () => (await api.json<MyDocuments>('/v1/me/documents')).body, [api]);

  return (
    <>
      <h1 tabIndex={-1}>{t('mine.title')}</h1>
      <p className="lead">{t('mine.intro')}</p>
      {mine.state === 'failed' && <ProblemMessage error={mine.error} />}
      <div className="columns">
        <div className="column-main">
          {mine.state === 'loading' && <p>{t('app.loading')}</p>}
          {mine.state === 'ready' && mine.value.openRequests !== undefined && <StillNeeded requests={mine.value.openRequests} />}
          {mine.state === 'ready' && (
            <section aria-labelledby="on-file">
              <h2 id="on-file">{t('mine.onFile')}</h2>
              {mine.value.documents.length === 0 ? (
                <p>{t('mine.nothingOnFile')}</p>
              ) : (
                <ul className="card-list">
                  {mine.value.documents.map((document) => (
                    <li key={document.id}>
                      <DocumentCard document={document} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
        </div>
        <div className="column-side">
          <UploadPanel onSent={reload} />
          <NoticesInbox />
          <ContactForm />
          {mine.state === 'ready' && <YourData retention={mine.value.retention} />}
        </div>
      </div>
    </>
  );
}

function StillNeeded({ requests }: { requests: readonly OpenRequest[] }) {
  const { t, date, department, language } = useI18n();
  return (
    <section aria-labelledby="still-needed">
      <h2 id="still-needed">{t('mine.needed')}</h2>
      {requests.length === 0 ? (
        <p>{t('mine.nothingNeeded')}</p>
      ) : (
        <ul className="card-list">
          {requests.map((request) => (
            <li key={request.id} className={`card request${request.overdue ? ' request-overdue' : ''}`}>
              <h3>{t(`kind.${request.kind}`)}</h3>
              <p>{request.wording[language]}</p>
              <ul className="plain">
                {request.askers.map((asker) => (
                  <li key={`${asker.department}:${asker.purpose}`}>{t('mine.askedBy', { department: department(asker.department), purpose: asker.purpose })}</li>
                ))}
              </ul>
              {request.dueBy && <p>{t('mine.dueBy', { date: date(request.dueBy) })}</p>}
              {request.overdue && <p className="notice notice-warning">{t('mine.overdue')}</p>}
              {request.lastRejection && <p className="notice notice-error">{t('mine.lastRejected', { message: request.lastRejection.message })}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DocumentCard({ document }: { document: MyDocument }) {
  const { t, date, dateTime, department } = useI18n();
  const [showHistory, setShowHistory] = useState(false);
  const headingId = `document-${document.id}`;
  const factsRead = FACT_NAMES.flatMap((name) => (document.facts?.[name] ? [[name, document.facts[name]] as const] : []));
  return (
    <article className="card document" aria-labelledby={headingId} data-document-id={document.id}>
      <header className="card-header">
        <h3 id={headingId}>{t(`type.${document.type}`)}</h3>
        <StatusBadge status={document.status} audience="customer" />
      </header>
      <p className="meta">
        {t('mine.submittedOn', { date: dateTime(document.submittedAt) })}
        {document.status === 'verified' && <> · {document.expiresOn ? t('mine.validUntil', { date: date(document.expiresOn) }) : t('mine.noExpiry')}</>}
      </p>
      {document.file.filename && <p className="meta">{t('mine.file', { filename: document.file.filename })}</p>}
      {document.reviewDueAt && <p>{t('mine.checking', { date: dateTime(document.reviewDueAt) })}</p>}
      {factsRead.length > 0 && (
        <div className="facts">
          <h4>{t('mine.factsRead')}</h4>
          <dl>
            {factsRead.map(([name, value]) => (
              <div key={name}>
                <dt>{t(`fact.${name}`)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      {document.expiringSoon && <p className="notice notice-warning">{t('mine.expiringSoon')}</p>}
      {document.rejection && <p className="notice notice-error">{t('mine.rejected', { message: document.rejection.message })}</p>}
      {document.references !== undefined && (
        <div className="reliance">
          <h4>{t('mine.reliedOnBy')}</h4>
          {document.references.length === 0 ? (
            <p>{t('mine.notReliedOn')}</p>
          ) : (
            <ul className="plain">
              {document.references.map((reference) => (
                <li key={`${reference.department}:${reference.purpose}:${reference.since}`}>
                  {t('mine.reliance', { department: department(reference.department), purpose: reference.purpose })}{' '}
                  <span className="meta">({t('mine.relianceSince', { date: dateTime(reference.since) })})</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <button type="button" className="button-quiet" aria-expanded={showHistory} onClick={() => setShowHistory((shown) => !shown)}>
        {showHistory ? t('mine.hideHistory') : t('mine.showHistory')}
      </button>
      {showHistory && <HistoryTimeline documentId={document.id} version={document.revision} headingLevel={4} />}
    </article>
  );
}
