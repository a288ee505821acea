import { useId } from 'react';
import { useI18n } from '../i18n/i18n';
import { mrzFeedback } from '../mrz/mrz-feedback';

/** A textarea for the machine-readable zone with check-digit feedback that follows every keystroke. */
export function MrzField({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { t } = useI18n();
  const ids = { input: useId(), help: useId(), feedback: useId() };
  const feedback = mrzFeedback(value);
  return (
    <div className="field mrz">
      <label htmlFor={ids.input}>{t('review.mrz')}</label>
      <p id={ids.help} className="hint">
        {t('review.mrzHelp')}
      </p>
      <textarea
        id={ids.input}
        rows={3}
        wrap="off"
        spellCheck={false}
        autoCapitalize="characters"
        autoComplete="off"
        aria-describedby={`${ids.help} ${ids.feedback}`}
        aria-invalid={feedback.state === 'checked' && !feedback.ok}
        value={value}
        onChange={(event) => onChange(event.target.value.toUpperCase())}
      />
      {/* Only the summary is live: reading every check digit aloud on each keystroke would drown the reviewer. */}
      <div id={ids.feedback} className="mrz-feedback">
        {feedback.state === 'unknown-layout' && (
          <p className="check-bad" aria-live="polite">
            {t('review.mrz.layout', { count: feedback.lineCount })}
          </p>
        )}
        {feedback.state === 'checked' && (
          <>
            <p className={feedback.ok ? 'check-good' : 'check-bad'} aria-live="polite">
              {t('review.mrz.format', { format: feedback.format })} ·{' '}
              {feedback.ok ? t('review.mrz.allGood') : t('review.mrz.problems', { count: feedback.lineProblems.length + feedback.checks.filter((check) => !check.ok).length })}
            </p>
            <ul className="checks">
              {feedback.lineProblems.map((problem) => (
                <li key={`${problem.kind}-${problem.line}`} className="check-bad">
                  {problem.kind === 'length'
                    ? t('review.mrz.length', { line: problem.line, length: problem.length, expected: problem.expected })
                    : t('review.mrz.characters', { line: problem.line, characters: problem.characters })}
                </li>
              ))}
              {feedback.checks.map((check) => (
                <li key={check.field} className={check.ok ? 'check-good' : 'check-bad'}>
                  <span aria-hidden="true">{check.ok ? '✓ ' : '✗ '}</span>
                  {check.ok
                    ? t('review.mrz.digitOk', { field: t(`review.mrz.field.${check.field}`), found: check.found })
                    : t('review.mrz.digitWrong', { field: t(`review.mrz.field.${check.field}`), found: check.found, expected: check.expected })}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
