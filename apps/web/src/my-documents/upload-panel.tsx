import { type DragEvent, type FormEvent, useId, useRef, useState } from 'react';
import type { DocumentType, Problem } from '../api/types';
import { useSession, useSignedIn } from '../auth/session-context';
import { useUiConfig } from '../config';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { ACCEPTED_EXTENSIONS, ACCEPTED_MEDIA_TYPES, humanSize, refusalBeforeUpload } from './file-check';
import { type Sending, sendDocument } from './send-document';

type Message = { readonly tone: 'error' | 'success'; readonly text: string };

/** Choose a kind of document and a file (by dialog or by dropping it), see it go up, and hear plainly how it went. */
export function UploadPanel({ onSent }: { onSent(): void }) {
  const { t, dateTime, language } = useI18n();
  const session = useSignedIn();
  const { signOut } = useSession();
  const { maxUploadBytes, documentTypes } = useUiConfig();
  const ids = { type: useId(), file: useId(), hint: useId(), heading: useId() };
  const [type, setType] = useState<DocumentType | ''>('');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [dragging, setDragging] = useState(false);
  const sending = useRef<Sending | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const max = humanSize(maxUploadBytes, language);

  const choose = (chosen: File | undefined) => {
    setMessage(null);
    if (!chosen) return;
    const refusal = refusalBeforeUpload(chosen, maxUploadBytes);
    if (refusal) {
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      const key: MessageKey = refusal.reason === 'too-large' ? 'upload.tooLarge' : refusal.reason === 'empty' ? 'upload.empty' : 'upload.wrongType';
      setMessage({ tone: 'error', text: t(key, { max }) });
      return;
    }
    setFile(chosen);
  };

  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  };

  const refused = (problem: Problem): string => {
    if (problem.status === 413) return t('upload.tooLarge', { max });
    if (problem.status === 415) return t('upload.wrongType');
    return t('upload.failed', { reason: problem.detail });
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!type) return setMessage({ tone: 'error', text: t('upload.noType') });
    if (!file) return setMessage({ tone: 'error', text: t('upload.noFile') });
    setMessage(null);
    setProgress(0);
    sending.current = sendDocument({ customerId: session.sub, token: session.token, type, file, onProgress: setProgress });
    const result = await sending.current.result;
    sending.current = null;
    setProgress(null);
    switch (result.outcome) {
      case 'stored':
        setFile(null);
        if (fileInput.current) fileInput.current.value = '';
        setMessage({ tone: 'success', text: result.alreadyOnFile ? t('upload.alreadyOnFile') : t('upload.done', { type: t(`type.${type}`), date: dateTime(result.document.reviewDueAt) }) });
        onSent();
        return;
      case 'refused':
        if (result.problem.status === 401) return signOut({ ended: true });
        return setMessage({ tone: 'error', text: refused(result.problem) });
      case 'network-error':
        return setMessage({ tone: 'error', text: t('upload.networkError') });
      case 'cancelled':
        return setMessage({ tone: 'error', text: t('upload.cancelled') });
    }
  };

  const busy = progress !== null;
  return (
    <section className="card upload" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('upload.title')}</h2>
      <form onSubmit={(event) => void send(event)} noValidate>
        <div className="field">
          <label htmlFor={ids.type}>{t('upload.type')}</label>
          <select id={ids.type} value={type} onChange={(event) => setType(event.target.value as DocumentType | '')} disabled={busy} required>
            <option value="">{t('upload.chooseType')}</option>
            {documentTypes.map(({ type: option }) => (
              <option key={option} value={option}>
                {t(`type.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div
          className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
          data-testid="drop-zone"
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
        >
          <p>
            {t('upload.dropHere')}{' '}
            <label htmlFor={ids.file} className="link-like">
              {t('upload.choose')}
            </label>
          </p>
          <input
            ref={fileInput}
            id={ids.file}
            className="visually-hidden"
            type="file"
            accept={[...ACCEPTED_EXTENSIONS, ...ACCEPTED_MEDIA_TYPES].join(',')}
            aria-describedby={ids.hint}
            disabled={busy}
            onChange={(event) => choose(event.target.files?.[0])}
          />
          <p id={ids.hint} className="hint">
            {t('upload.accepted', { max })}
          </p>
          {file && <p className="selected-file">{t('upload.selected', { name: file.name, size: humanSize(file.size, language) })}</p>}
        </div>
        {busy && (
          <div className="progress" role="status">
            <label>
              {t('upload.progress', { percent: Math.round(progress * 100) })}
              <progress max={1} value={progress} aria-label={t('upload.progressLabel')} />
            </label>
          </div>
        )}
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {t('upload.send')}
          </button>
          {busy && (
            <button type="button" onClick={() => sending.current?.cancel()}>
              {t('upload.cancel')}
            </button>
          )}
        </div>
        {message && (
          <p role={message.tone === 'error' ? 'alert' : 'status'} className={`notice notice-${message.tone}`}>
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
