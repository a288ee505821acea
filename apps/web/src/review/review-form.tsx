import { type FormEvent, useId, useState } from 'react';
import type { FactName, Facts, UiDocumentType, VaultDocument } from '../api/types';
import { etagOf } from '../api/vault-api';
import { useSession } from '../auth/session-context';
import { useI18n } from '../i18n/i18n';
import { mrzFeedback, mrzLines } from '../mrz/mrz-feedback';
import { ProblemMessage } from '../ui/problem-message';
import { MrzField } from './mrz-field';

const DATE_FACTS: readonly FactName[] = ['dateOfBirth', 'expiresOn', 'issuedOn', 'deedDate'];
const LONG_FACTS: readonly FactName[] = ['scope', 'address'];
/** What a machine-readable zone tells the vault, so a reviewer who enters one may leave these blank. */
const MRZ_FACTS: readonly FactName[] = ['documentNumber', 'issuingCountry', 'holderName', 'dateOfBirth', 'expiresOn'];
const REASON_CODES = ['ILLEGIBLE', 'INCOMPLETE', 'EXPIRED', 'WRONG_DOCUMENT', 'DATA_MISMATCH', 'OTHER'] as const;
type ReasonCode = (typeof REASON_CODES)[number];

/**
 * Approve with the facts read from the document (and its MRZ, where it has one), or reject with a reason and a
 * message for the customer. Every review is sent with the revision the reviewer saw, so a change made meanwhile
 * is refused rather than overwritten.
 */
export function ReviewForm({ document, policy, onReviewed }: { document: VaultDocument; policy: UiDocumentType; onReviewed(outcome: 'approved' | 'verified' | 'rejected'): void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const ids = { reason: useId(), message: useId(), messageHelp: useId(), facts: useId(), reject: useId(), holderReason: useId(), holderReasonHelp: useId() };
  const [facts, setFacts] = useState<Facts>({});
  const [mrz, setMrz] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const [reasonCode, setReasonCode] = useState<ReasonCode | ''>('');
  const [message, setMessage] = useState('');
  const [holderReason, setHolderReason] = useState('');
  // The approval that would verify a document held for its holder must say why the holder is the customer.
  const confirmsHolder = document.holderMismatch?.confirmed === null && document.reviews.some((review) => review.decision === 'approve');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const feedback = mrzFeedback(mrz);
  const mrzSuppliesFacts = policy.mrz !== null && feedback.state === 'checked' && feedback.ok;

  const review = async (body: object) => {
    setBusy(true);
    setRefusal(null);
    try {
      const { body: reviewed } = await api.json<VaultDocument>(`/v1/documents/${encodeURIComponent(document.id)}/reviews`, {
        method: 'POST',
        body,
        ifMatch: etagOf(document.revision),
      });
      onReviewed(reviewed.status === 'verified' ? 'verified' : reviewed.status === 'rejected' ? 'rejected' : 'approved');
    } catch (error) {
      setRefusal(error);
    } finally {
      setBusy(false);
    }
  };

  const approve = (event: FormEvent) => {
    event.preventDefault();
    const read = Object.fromEntries(
      policy.requiredFacts.map((name) => [name, name === 'issuingCountry' ? facts[name]?.trim().toUpperCase() : facts[name]?.trim()]).filter(([, value]) => value),
    );
    const lines = mrzLines(mrz);
    void review({
      decision: 'approve',
      ...(Object.keys(read).length > 0 || lines.length === 0 ? { facts: read } : {}),
      ...(lines.length > 0 ? { mrz: lines } : {}),
      ...(confirmsHolder ? { holderMismatchReason: holderReason.trim() } : {}),
    });
  };

  const reject = (event: FormEvent) => {
    event.preventDefault();
    void review({ decision: 'reject', reasonCode, message: message.trim() });
  };

  const chooseReason = (code: ReasonCode | '') => {
    setReasonCode(code);
    // Offer a plain sentence to start from, without overwriting what the reviewer already wrote.
    if (code && message.trim() === '') setMessage(t(`review.suggested.${code}`));
  };

  return (
    <>
      <form className="review-form" onSubmit={approve} aria-labelledby={ids.facts}>
        <h2 id={ids.facts}>{t('review.facts')}</h2>
        {/* A chip reading's facts are what its signed DG1 states: nothing to type, and nothing to approve if it failed. */}
        {document.chip ? (
          <ChipFacts facts={document.chip.facts} />
        ) : (
          <>
            {policy.mrz !== null && <MrzField value={mrz} onChange={setMrz} />}
            {mrzSuppliesFacts && <p className="hint">{t('review.factsFromMrz')}</p>}
            {policy.requiredFacts.map((name) => (
              <FactInput
                key={name}
                name={name}
                value={facts[name] ?? ''}
                required={!(mrzSuppliesFacts && MRZ_FACTS.includes(name))}
                onChange={(value) => setFacts((current) => ({ ...current, [name]: value }))}
              />
            ))}
          </>
        )}
        {confirmsHolder && (
          <div className="field">
            <label htmlFor={ids.holderReason}>{t('review.holderMismatchReason')}</label>
            <p id={ids.holderReasonHelp} className="hint">
              {t('review.holderMismatchReasonHelp')}
            </p>
            <textarea id={ids.holderReason} required rows={3} maxLength={1000} aria-describedby={ids.holderReasonHelp} value={holderReason} onChange={(event) => setHolderReason(event.target.value)} />
          </div>
        )}
        <div className="actions">
          {(!document.chip || document.chip.passed) && (
            <button type="submit" className="button-primary" disabled={busy}>
              {t('review.approve')}
            </button>
          )}
          <button type="button" className="button-danger-quiet" aria-expanded={rejecting} aria-controls={ids.reject} onClick={() => setRejecting((shown) => !shown)}>
            {t('review.reject')}
          </button>
        </div>
      </form>
      {rejecting && (
        <form id={ids.reject} className="reject-form" onSubmit={reject} aria-label={t('review.rejectTitle')}>
          <h3>{t('review.rejectTitle')}</h3>
          <div className="field">
            <label htmlFor={ids.reason}>{t('review.reason')}</label>
            <select id={ids.reason} required value={reasonCode} onChange={(event) => chooseReason(event.target.value as ReasonCode | '')}>
              <option value="">{t('review.chooseReason')}</option>
              {REASON_CODES.map((code) => (
                <option key={code} value={code}>
                  {t(`review.reason.${code}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.message}>{t('review.message')}</label>
            <p id={ids.messageHelp} className="hint">
              {t('review.messageHelp')}
            </p>
            <textarea id={ids.message} required rows={4} maxLength={1000} aria-describedby={ids.messageHelp} value={message} onChange={(event) => setMessage(event.target.value)} />
          </div>
          <button type="submit" className="button-danger" disabled={busy}>
            {t('review.confirmReject')}
          </button>
        </form>
      )}
      {refusal !== null && <ProblemMessage error={refusal} prefix={(detail) => t('review.refused', { detail })} />}
    </>
  );
}

function FactInput({ name, value, required, onChange }: { name: FactName; value: string; required: boolean; onChange(value: string): void }) {
  const { t } = useI18n();
  const id = useId();
  const common = { id, name, value, required, onChange: (event: { target: { value: string } }) => onChange(event.target.value) };
  return (
    <div className="field">
      <label htmlFor={id}>{t(`fact.${name}`)}</label>
      {DATE_FACTS.includes(name) ? (
        <input type="date" {...common} />
      ) : LONG_FACTS.includes(name) ? (
        <textarea rows={2} {...common} />
      ) : name === 'issuingCountry' ? (
        <input type="text" {...common} maxLength={3} pattern="[A-Za-z]{3}" autoCapitalize="characters" autoComplete="off" className="input-short" />
      ) : (
        <input type="text" {...common} autoComplete="off" />
      )}
    </div>
  );
}

function ChipFacts({ facts }: { facts: Facts }) {
  const { t } = useI18n();
  const read = MRZ_FACTS.filter((name) => facts[name]);
  if (read.length === 0) return <p className="hint">{t('chip.noFacts')}</p>;
  return (
    <>
      <p className="hint">{t('chip.factsFromChip')}</p>
      <dl className="chip-facts">
        {read.map((name) => (
          <div key={name}>
            <dt>{t(`fact.${name}`)}</dt>
            <dd>{facts[name]}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
