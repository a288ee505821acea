import { type FormEvent, useId, useState } from 'react';
import type { DocumentSummary } from '../api/types';
import { useSession } from '../auth/session-context';
import { useI18n } from '../i18n/i18n';
import { ProblemMessage } from '../ui/problem-message';
import { StatusBadge } from '../ui/status-badge';

/** A department looks up what a customer already has on file and records that it relies on a verified document. */
export function DepartmentPage() {
  const { t } = useI18n();
  const { api } = useSession();
  const id = useId();
  const [customerId, setCustomerId] = useState('');
  const [documents, setDocuments] = useState<readonly DocumentSummary[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const lookUp = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setDocuments(null);
    try {
      const { body } = await api.json<{ documents: DocumentSummary[] }>(`/v1/customers/${encodeURIComponent(customerId.trim())}/documents`);
      setDocuments(body.documents);
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('department.title')}</h1>
      <p className="lead">{t('department.intro')}</p>
      <form className="inline-form" onSubmit={(event) => void lookUp(event)}>
        <div className="field">
          <label htmlFor={id}>{t('department.customer')}</label>
          <input id={id} type="text" required autoComplete="off" placeholder="C-1001" value={customerId} onChange={(event) => setCustomerId(event.target.value)} />
        </div>
        <button type="submit" className="button-primary">
          {t('department.lookUp')}
        </button>
      </form>
      {failure !== null && <ProblemMessage error={failure} />}
      {documents !== null &&
        (documents.length === 0 ? (
          <p className="notice notice-info">{t('department.none')}</p>
        ) : (
          <ul className="card-list">
            {documents.map((document) => (
              <li key={document.id}>
                <DepartmentDocument document={document} />
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}

function DepartmentDocument({ document }: { document: DocumentSummary }) {
  const { t, date } = useI18n();
  const { api } = useSession();
  const ids = { heading: useId(), purpose: useId(), caseRef: useId() };
  const [purpose, setPurpose] = useState('');
  const [caseRef, setCaseRef] = useState('');
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const rely = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      await api.json(`/v1/documents/${encodeURIComponent(document.id)}/references`, { method: 'POST', body: { purpose: purpose.trim(), caseRef: caseRef.trim() } });
      setDone(true);
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <article className="card" aria-labelledby={ids.heading}>
      <header className="card-header">
        <h2 id={ids.heading}>{t(`type.${document.type}`)}</h2>
        <StatusBadge status={document.status} audience="staff" />
      </header>
      {document.expiresOn && <p className="meta">{t('mine.validUntil', { date: date(document.expiresOn) })}</p>}
      {document.status === 'verified' && !done && (
        <form className="inline-form" onSubmit={(event) => void rely(event)} aria-label={t('department.rely')}>
          <div className="field">
            <label htmlFor={ids.purpose}>{t('department.purpose')}</label>
            <input id={ids.purpose} type="text" required maxLength={200} value={purpose} onChange={(event) => setPurpose(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={ids.caseRef}>{t('department.caseRef')}</label>
            <input id={ids.caseRef} type="text" required maxLength={100} value={caseRef} onChange={(event) => setCaseRef(event.target.value)} />
          </div>
          <button type="submit">{t('department.rely')}</button>
        </form>
      )}
      {done && (
        <p role="status" className="notice notice-success">
          {t('department.relied')}
        </p>
      )}
      {failure !== null && <ProblemMessage error={failure} />}
    </article>
  );
}
