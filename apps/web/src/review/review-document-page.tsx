import { useState } from 'react';
import type { HolderMismatch, VaultDocument } from '../api/types';
import { useSession, useSignedIn } from '../auth/session-context';
import { useDocumentType } from '../config';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { HistoryTimeline } from '../ui/history-timeline';
import { ProblemMessage } from '../ui/problem-message';
import { StatusBadge } from '../ui/status-badge';
import { useNow } from '../use-now';
import { useResource } from '../use-resource';
import { ChipVerdictPanel } from './chip-verdict-panel';
import { DocumentPreview } from './document-preview';
import { DueLabel } from './due-label';
import { fourEyesState, isReviewable, needsTwoApprovals } from './four-eyes';
import { ReviewForm } from './review-form';

type Outcome = 'approved' | 'verified' | 'rejected';

/** One document at the review desk: the file beside the facts form, the four-eyes state, the claim, and the history. */
export function ReviewDocumentPage({ documentId }: { documentId: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [loaded, reload] = useResource(async () => (await api.json<VaultDocument>(`/v1/documents/${encodeURIComponent(documentId)}`)).body, [api, documentId]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  return (
    <>
      <p>
        <Link to="/review">← {t('review.back')}</Link>
      </p>
      {loaded.state === 'loading' && (
        <h1 tabIndex={-1} aria-busy="true">
          {t('app.loading')}
        </h1>
      )}
      {loaded.state === 'failed' && (
        <>
          <h1 tabIndex={-1}>{t('queue.title')}</h1>
          <ProblemMessage error={loaded.error} />
        </>
      )}
      {loaded.state === 'ready' && (
        <ReviewDocument
          document={loaded.value}
          outcome={outcome}
          onChanged={(next) => {
            setOutcome(next);
            reload();
          }}
        />
      )}
    </>
  );
}

function ReviewDocument({ document, outcome, onChanged }: { document: VaultDocument; outcome: Outcome | null; onChanged(outcome: Outcome | null): void }) {
  const { t, dateTime } = useI18n();
  const me = useSignedIn().sub;
  const policy = useDocumentType(document.type);
  const now = useNow(30_000);
  const typeName = t(`type.${document.type}`);
  const fourEyes = fourEyesState(document, needsTwoApprovals(document, policy?.fourEyes ?? false), me);

  return (
    <>
      <div className="title-row">
        <h1 tabIndex={-1}>{t('review.title', { type: typeName, customer: document.customerId })}</h1>
        <StatusBadge status={document.status} audience="staff" />
      </div>
      <p className="meta">
        {t('review.submitted', { date: dateTime(document.submittedAt), channel: t(`channel.${document.channel}`) })}
        {isReviewable(document.status) && (
          <>
            {' · '}
            <DueLabel dueAt={document.reviewDueAt} now={now} />
          </>
        )}
      </p>
      {outcome && (
        <p role="status" className="notice notice-success">
          {t(`review.${outcome}`)}
        </p>
      )}
      {fourEyes.kind === 'needs-two' && <p className="notice notice-info four-eyes">{t('review.fourEyes.needsTwo')}</p>}
      {fourEyes.kind === 'first-approval' && (
        <div className="notice notice-info four-eyes" data-testid="four-eyes">
          <p>{t('review.fourEyes.firstBy', { name: fourEyes.by })}</p>
          {fourEyes.byYou && <p>{t('review.fourEyes.yours')}</p>}
        </div>
      )}
      {document.holderMismatch && <HolderMismatchNotice mismatch={document.holderMismatch} />}
      {/* Whoever gave the first approval cannot review again, so there is nothing for them to claim. */}
      {isReviewable(document.status) && !(fourEyes.kind === 'first-approval' && fourEyes.byYou) && <ClaimBar document={document} onChanged={() => onChanged(outcome)} />}
      <div className="review-layout">
        {document.chip ? (
          <div className="preview-pane">
            <ChipVerdictPanel chip={document.chip} />
          </div>
        ) : (
          <section className="preview-pane" aria-labelledby="preview-heading">
            <h2 id="preview-heading">{t('review.preview')}</h2>
            <DocumentPreview document={document} />
          </section>
        )}
        <section className="review-pane" aria-label={t('review.facts')}>
          {isReviewable(document.status) && policy ? (
            <ReviewForm key={document.revision} document={document} policy={policy} onReviewed={onChanged} />
          ) : (
            <ReviewOutcome document={document} />
          )}
          {document.reviews.length > 0 && <Reviews document={document} />}
        </section>
      </div>
      <HistoryTimeline documentId={document.id} version={document.revision} />
    </>
  );
}

function ClaimBar({ document, onChanged }: { document: VaultDocument; onChanged(): void }) {
  const { t, time } = useI18n();
  const { api } = useSession();
  const me = useSignedIn().sub;
  const [failure, setFailure] = useState<unknown>(null);
  const claim = document.claim && Date.parse(document.claim.until) > Date.now() ? document.claim : null;

  const change = async (release: boolean) => {
    setFailure(null);
    try {
      await api.json(`/v1/documents/${encodeURIComponent(document.id)}/claim`, { method: release ? 'DELETE' : 'POST' });
      onChanged();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <div className="claim-bar">
      {claim === null && (
        <button type="button" onClick={() => void change(false)}>
          {t('review.claim')}
        </button>
      )}
      {claim !== null && claim.by === me && (
        <>
          <span>{t('review.claimedByYou', { time: time(claim.until) })}</span>
          <button type="button" className="button-quiet" onClick={() => void change(true)}>
            {t('review.release')}
          </button>
        </>
      )}
      {claim !== null && claim.by !== me && <span>{t('review.claimedBy', { name: claim.by, time: time(claim.until) })}</span>}
      {failure !== null && <ProblemMessage error={failure} />}
    </div>
  );
}

function ReviewOutcome({ document }: { document: VaultDocument }) {
  const { t } = useI18n();
  if (document.status === 'verified') return <p className="notice notice-success">{t('review.outcome.verified')}</p>;
  if (document.status === 'rejected' && document.rejection) return <p className="notice notice-error">{t('review.outcome.rejected', { message: document.rejection.message })}</p>;
  return <p className="notice notice-info">{t('review.outcome.closed')}</p>;
}

function Reviews({ document }: { document: VaultDocument }) {
  const { t, dateTime } = useI18n();
  return (
    <section aria-labelledby="reviews-heading">
      <h3 id="reviews-heading">{t('review.reviewedBy')}</h3>
      <ul className="plain">
        {document.reviews.map((review) => (
          <li key={`${review.by}-${review.at}`}>{t('review.reviewLine', { decision: t(`review.decision.${review.decision}`), name: review.by, date: dateTime(review.at) })}</li>
        ))}
      </ul>
    </section>
  );
}

function HolderMismatchNotice({ mismatch }: { mismatch: HolderMismatch }) {
  const { t } = useI18n();
  const fields = mismatch.fields.map((field) => t(`fact.${field}`)).join(', ');
  if (mismatch.confirmed) {
    return <p className="notice notice-info">{t('review.holderConfirmed', { fields, name: mismatch.confirmed.by, reason: mismatch.confirmed.reason })}</p>;
  }
  return (
    <p className="notice notice-warning" data-testid="holder-mismatch">
      {t('review.holderMismatch', { fields })}
    </p>
  );
}
