import type { ChipVerdict } from '../api/types';
import { useI18n } from '../i18n/i18n';

/**
 * A chip reading at the review desk: the verdict, then every step of passive authentication with what the vault
 * found. The reading's file holds the face image, so it is not fetched here.
 */
export function ChipVerdictPanel({ chip }: { chip: ChipVerdict }) {
  const { t, dateTime } = useI18n();
  return (
    <section aria-labelledby="chip-heading" data-testid="chip-verdict">
      <h2 id="chip-heading">{t('chip.title')}</h2>
      <p className={`notice ${chip.passed ? 'notice-success' : 'notice-error'}`}>
        {chip.passed ? t('chip.passed') : t('chip.failed', { code: chip.failureCode ?? '' })}
      </p>
      {chip.holderCheck === 'mismatch' && <p className="notice notice-warning">{t('chip.holderMismatch')}</p>}
      <ol className="chip-steps">
        {chip.steps.map((step) => (
          <li key={step.step} data-outcome={step.outcome}>
            <strong>{t(`chip.step.${step.step}`)}</strong>: {t(`chip.outcome.${step.outcome}`)}
            {step.code && <code> {step.code}</code>}
            <br />
            <span className="meta">{step.detail}</span>
          </li>
        ))}
      </ol>
      {chip.signedAt && chip.documentSigner && chip.csca && (
        <p className="meta">{t('chip.signedBy', { date: dateTime(chip.signedAt), signer: chip.documentSigner, csca: chip.csca })}</p>
      )}
      <p className="meta">{t('chip.chipAuthentication', { outcome: chip.chipAuthentication })}</p>
      <p className="meta">{t('chip.faceSealed')}</p>
    </section>
  );
}
