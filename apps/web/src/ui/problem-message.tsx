import { ApiError } from '../api/vault-api';
import { useI18n } from '../i18n/i18n';
import { isMessageKey } from '../i18n/translate';

/**
 * What went wrong, in the reader's language where the UI knows the problem's code, otherwise in the vault's own
 * words (its details are written for people). Field errors are listed so the reader knows what to fix.
 */
export function ProblemMessage({ error, prefix }: { error: unknown; prefix?: (detail: string) => string }) {
  const { t } = useI18n();
  if (!(error instanceof ApiError)) {
    return (
      <p role="alert" className="notice notice-error">
        {t('problem.network')}
      </p>
    );
  }
  const key = `problem.${error.problem.code ?? ''}`;
  const detail = isMessageKey(key) ? t(key) : error.problem.detail;
  const fields = error.problem.errors ?? [];
  return (
    <div role="alert" className="notice notice-error">
      <p>{prefix ? prefix(detail) : detail}</p>
      {fields.length > 1 && (
        <ul>
          {fields.map((field) => (
            <li key={`${field.field}:${field.message}`}>
              <code>{field.field}</code>: {field.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
